package vmcore_test

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"os"
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/guest"
	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

func threads(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/task")
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}

// patchedImage returns the built-in guest with its ELF entry moved to
// entry (inside the image, but not code): guest init then faults.
func patchedImage(t *testing.T, entry uint64) []byte {
	img := append([]byte(nil), guest.Builtin()...)
	binary.LittleEndian.PutUint64(img[24:], entry) // e_entry
	return img
}

// TestAttackErrorPathsLeakNothing: failing New (bad layout, too small
// code_size, oversize init data, a guest whose init faults), failing
// NewFromSnapshot (after its VM is built) and failed restores must not
// leave fds, mappings or threads behind.
func TestAttackErrorPathsLeakNothing(t *testing.T) {
	needKVM(t)
	good := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, good)
	badMSR := *sn
	badMSR.MSRs = append(append([]kvm.MSREntry(nil), sn.MSRs...),
		kvm.MSREntry{Index: 0xdeadbeef})
	rodata := uint64(layout.SnapshotBase + 0x1800) // inside the image, not code
	faulting := patchedImage(t, rodata)

	tiny := layout.Default()
	tiny.CodeSize = 4096
	badLayout := layout.Default()
	badLayout.HeapSize = 5000
	cases := []struct {
		name string
		f    func() error
	}{
		{"bad layout", func() error {
			_, err := vmcore.New(vmcore.Config{Layout: badLayout})
			return err
		}},
		{"code_size too small", func() error {
			_, err := vmcore.New(vmcore.Config{Layout: tiny})
			return err
		}},
		{"init data too big", func() error {
			_, err := vmcore.New(vmcore.Config{InitData: make([]byte, 8192)})
			return err
		}},
		{"guest init faults", func() error {
			_, err := vmcore.New(vmcore.Config{Image: faulting})
			return err
		}},
		{"NewFromSnapshot fails in vCPU reset", func() error {
			_, err := vmcore.NewFromSnapshot(&badMSR, vmcore.Config{})
			return err
		}},
		{"failed restore", func() error {
			return good.Restore(&badMSR, adopt{})
		}},
	}
	for _, c := range cases {
		for range 3 { // warm up
			if c.f() == nil {
				t.Fatalf("%s: no error", c.name)
			}
		}
		fds0, maps0, _ := processResources(t)
		th0 := threads(t)
		for range 50 {
			c.f()
		}
		fds1, maps1, _ := processResources(t)
		th1 := threads(t)
		t.Logf("%-38s fds %d->%d maps %d->%d threads %d->%d",
			c.name, fds0, fds1, maps0, maps1, th0, th1)
		if fds1 != fds0 || maps1 > maps0+8 || th1 > th0+4 {
			t.Errorf("%s leaks: fds %d->%d, maps %d->%d, threads %d->%d "+
				"over 50 failures", c.name, fds0, fds1, maps0, maps1,
				th0, th1)
		}
	}
	restore(t, good, sn)
}

// TestAttackELFSegmentWrapPanics: guest.Load computes a segment's end
// as Vaddr+Memsz without checking for overflow, and initialBlob then
// trusts Base and End. An image with a second PT_LOAD at a huge
// address whose end wraps below the code end passes both checks, and
// New panics slicing the blob (instead of returning an error).
func TestAttackELFSegmentWrapPanics(t *testing.T) {
	img := append([]byte(nil), guest.Builtin()...)
	f, err := elf.NewFile(bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	var loads []int
	for i, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Memsz > 0 {
			loads = append(loads, i)
		}
	}
	f.Close()
	if len(loads) < 2 {
		t.Skipf("built-in guest has %d loadable segments", len(loads))
	}
	// Rewrite the last PT_LOAD: vaddr near the top of the address
	// space, memsz so that vaddr+memsz wraps to 0x5000.
	phoff := binary.LittleEndian.Uint64(img[32:])
	phentsize := uint64(binary.LittleEndian.Uint16(img[54:]))
	ph := img[phoff+uint64(loads[len(loads)-1])*phentsize:]
	vaddr := uint64(0xffff_ffff_ffff_0000)
	binary.LittleEndian.PutUint64(ph[16:], vaddr)          // p_vaddr
	binary.LittleEndian.PutUint64(ph[24:], vaddr)          // p_paddr
	binary.LittleEndian.PutUint64(ph[40:], 0x5000-vaddr+0) // p_memsz (wraps)
	if _, err := guest.Load(img); err != nil {
		t.Logf("Load refused it: %v", err)
		return
	}
	needKVM(t)
	var s *vmcore.Sandbox
	p := catch(func() { s, err = vmcore.New(vmcore.Config{Image: img}) })
	if s != nil {
		s.Close()
	}
	if p != nil {
		t.Fatalf("New with a wrapping ELF segment panicked: %v", p)
	}
	t.Logf("New: %v", err)
}

// TestAttackFloorRestoreRevivesUnrecoverable: FloorRestore checks only
// that the snapshot is the mapped one with the same layout and then
// sets Ready, whatever the status was. A sandbox made Unrecoverable by
// a failed scratch swap (its scratch slot is gone) becomes Ready, and
// its next call runs a guest with no scratch.
func TestAttackFloorRestoreRevivesUnrecoverable(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	restore(t, s, sn)
	grown := *sn // same blob, larger scratch: restore replaces scratch
	grown.Layout.ScratchSize = 512 << 10
	grown.Layout = grown.Layout.WithOutputs()
	if err := grown.Validate(); err != nil {
		t.Fatal(err)
	}
	planted := errors.New("planted")
	vmcore.InjectFault(s, "map-scratch-slot", planted)
	if err := s.Restore(&grown, adopt{}); !errors.Is(err, planted) ||
		s.Status() != vmcore.Unrecoverable {
		t.Fatalf("restore: %v, status %v", err, s.Status())
	}
	if _, err := s.FloorRestore(sn); err == nil && s.Status() == vmcore.Ready {
		_, cerr := s.Echo([]byte("x"))
		t.Errorf("FloorRestore turned an Unrecoverable sandbox Ready; "+
			"next call: %v", cerr)
	}
}
