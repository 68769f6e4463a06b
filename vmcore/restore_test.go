package vmcore_test

import (
	"errors"
	"testing"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

func TestCopyOnWriteIsUndoneByRestore(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	heap := layout.Default().HeapSize
	before, err := s.Checksum(0, heap)
	if err != nil {
		t.Fatal(err)
	}
	sn := snapshot(t, s)

	if err := s.Touch(0, 16, 2, 0xabababababababab); err != nil {
		t.Fatal(err)
	}
	dirty, err := s.Checksum(0, heap)
	if err != nil || dirty == before {
		t.Fatalf("touch did not change the heap (%v)", err)
	}
	g, _ := s.LayoutReport()
	if g.CowFaults < 16 {
		t.Fatalf("guest counted %d copy-on-write faults, want >= 16",
			g.CowFaults)
	}

	restore(t, s, sn)
	after, err := s.Checksum(0, heap)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Fatalf("heap checksum %#x after restore, snapshot had %#x",
			after, before)
	}
}

func TestSnapshotKeepsGuestWrites(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	heap := layout.Default().HeapSize
	if err := s.Touch(3, 4, 1, 0x1122334455667788); err != nil {
		t.Fatal(err)
	}
	want, _ := s.Checksum(0, heap)
	sn := snapshot(t, s)
	if err := s.Touch(0, 8, 1, 0); err != nil {
		t.Fatal(err)
	}
	restore(t, s, sn)
	if got, _ := s.Checksum(0, heap); got != want {
		t.Fatalf("restored heap %#x, snapshot took %#x", got, want)
	}
}

func TestRestoreIsolation(t *testing.T) {
	for _, reset := range []vmcore.ScratchReset{
		vmcore.ResetMadvise, vmcore.ResetMemset} {
		t.Run(reset.String(), func(t *testing.T) {
			s := newSandbox(t, vmcore.Config{ScratchReset: reset})
			const marker = 0x6d61726b65727321
			sn := snapshot(t, s)
			if n, _ := s.Scan(marker); n != 0 {
				t.Fatalf("marker found %d times before fill", n)
			}
			marked, err := s.Fill(marker)
			if err != nil {
				t.Fatal(err)
			}
			found, err := s.Scan(marker)
			if err != nil || found < marked {
				t.Fatalf("scan after fill found %d of %d marked pages (%v)",
					found, marked, err)
			}
			restore(t, s, sn)
			if n, err := s.Scan(marker); err != nil || n != 0 {
				t.Fatalf("after restore the guest found the marker %d "+
					"times (%v); %d pages were marked", n, err, marked)
			}
		})
	}
}

func TestRegistersDoNotLeak(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	base, err := s.ReadRegisters()
	if err != nil {
		t.Fatal(err)
	}
	dirty := vmcore.RegisterValues{
		DR:  [4]uint64{0x1000, 0x2000, 0x3000, 0x4000},
		FCW: 0x27f, MXCSR: 0x3f80, XMM15: 0xfeedface,
		KGSBase: 0xdead0000,
	}
	if err := s.DirtyRegisters(dirty); err != nil {
		t.Fatal(err)
	}
	got, err := s.ReadRegisters()
	if err != nil {
		t.Fatal(err)
	}
	if got.DR != dirty.DR || got.FCW != dirty.FCW || got.MXCSR != dirty.MXCSR ||
		got.XMM15 != dirty.XMM15 || got.KGSBase != dirty.KGSBase {
		t.Fatalf("guest did not change its registers: %+v", got)
	}
	if base.XCR0 != 0 && got.XCR0 == base.XCR0 {
		t.Logf("XCR0 unchanged at %#x: the CPU offers no AVX state", got.XCR0)
	}

	restore(t, s, sn)
	after, err := s.ReadRegisters()
	if err != nil {
		t.Fatal(err)
	}
	if after != base {
		t.Fatalf("registers after restore\n%+v\nwant the snapshot's\n%+v",
			after, base)
	}
}

func TestSpinStoppedByDeadline(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	start := time.Now()
	err := s.Spin(start.Add(50 * time.Millisecond))
	if !errors.Is(err, vmcore.ErrDeadline) {
		t.Fatalf("spin: %v, want deadline", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("spin stopped after %v", d)
	}
	if s.Status() != vmcore.Poisoned {
		t.Fatalf("status %v after deadline, want poisoned", s.Status())
	}
	if _, err := s.Echo([]byte("x")); !errors.Is(err, vmcore.ErrPoisoned) {
		t.Fatalf("call on poisoned sandbox: %v", err)
	}
	restore(t, s, sn)
	if out, err := s.Echo([]byte("back")); err != nil || string(out) != "back" {
		t.Fatalf("echo after restore: %q, %v", out, err)
	}
}

func TestFaultPoisonsAndRestoreRecovers(t *testing.T) {
	kinds := map[string]uint64{"write-peb": vmcore.FaultWritePEB,
		"ud2": vmcore.FaultUD, "null-guard": vmcore.FaultNullGuard}
	for name, kind := range kinds {
		t.Run(name, func(t *testing.T) {
			s := newSandbox(t, vmcore.Config{})
			sn := snapshot(t, s)
			err := s.Fault(kind)
			if !errors.Is(err, vmcore.ErrGuestFault) {
				t.Fatalf("fault: %v, want a guest fault", err)
			}
			if s.Status() != vmcore.Poisoned {
				t.Fatalf("status %v, want poisoned", s.Status())
			}
			restore(t, s, sn)
			if _, err := s.Echo([]byte("ok")); err != nil {
				t.Fatalf("echo after restore: %v", err)
			}
		})
	}
}
