package vmcore_test

import (
	"fmt"
	"sync"
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

// TestAttackIsolation*: every technique with every scratch reset
// (scratch below and above ResetThreshold's 1 MiB switch), over
// several cycles that alternate same-layout and cross-layout (adopt)
// restores. After each restore, no marker written before it may be
// visible, and the heap must read back exactly as the snapshot had it
// (a stale guest TLB or shadow page table after an in-place memset
// would show up here as a wrong checksum).
func TestAttackIsolationGuestCoW(t *testing.T) { isolationMatrix(t, vmcore.GuestCoW) }
func TestAttackIsolationCopy(t *testing.T)     { isolationMatrix(t, vmcore.Copy) }
func TestAttackIsolationDirty(t *testing.T)    { isolationMatrix(t, vmcore.Dirty) }
func TestAttackIsolationHostCoW(t *testing.T)  { isolationMatrix(t, vmcore.HostCoW) }

func isolationMatrix(t *testing.T, tech vmcore.Technique) {
	needKVM(t)
	small := layout.Default()
	big := layout.Default()
	// Just above ResetThreshold's switch, so threshold madvises it.
	big.HeapSize, big.ScratchSize, big.InputSize = 192<<10, 1<<20+16<<10, 32<<10
	big = big.WithOutputs()
	{
		for _, reset := range []vmcore.ScratchReset{vmcore.ResetMadvise,
			vmcore.ResetMemset, vmcore.ResetThreshold} {
			t.Run(reset.String(), func(t *testing.T) {
				cfg := vmcore.Config{Technique: tech, ScratchReset: reset}
				mk := func(l layout.Layout, pat uint64) (*vmcore.Snapshot, uint64) {
					c := cfg
					c.Layout = l
					d := newSandbox(t, c)
					if err := d.Touch(2, 3, 5, pat); err != nil {
						t.Fatal(err)
					}
					sum, _ := d.Checksum(0, l.HeapSize)
					return snapshot(t, d), sum
				}
				snS, sumS := mk(small, 0x51)
				snB, sumB := mk(big, 0xb1)
				for _, l := range []layout.Layout{small, big} { // target sandboxes
					c := cfg
					c.Layout = l
					s := newSandbox(t, c)
					seq := []*vmcore.Snapshot{snS, snB, snB, snS}
					for i, sn := range seq {
						marker := uint64(0x6d61726b00000000) | uint64(i)<<8 |
							uint64(tech)<<4 | uint64(reset)
						if _, err := s.Fill(marker); err != nil {
							t.Fatal(err)
						}
						if err := s.Touch(0, 8, 3, marker); err != nil {
							t.Fatal(err)
						}
						restore(t, s, sn)
						if n, err := s.Scan(marker); err != nil || n != 0 {
							t.Fatalf("target %s, step %d: marker of "+
								"the previous tenant found %d times (%v)",
								layout.FormatSize(l.ScratchSize), i, n, err)
						}
						want := sumS
						if sn == snB {
							want = sumB
						}
						if got, err := s.Checksum(0, sn.Layout.HeapSize); err != nil || got != want {
							t.Fatalf("target %s, step %d: heap %#x, "+
								"snapshot had %#x (%v)",
								layout.FormatSize(l.ScratchSize), i, got,
								want, err)
						}
					}
				}
			})
		}
	}
}

// TestAttackSharedBlobConcurrentTenants: several sandboxes restore one
// snapshot and write their own patterns at once; none may see
// another's writes, and the snapshot must stay as it was.
func TestAttackSharedBlobConcurrentTenants(t *testing.T) {
	needKVM(t)
	heap := layout.Default().HeapSize
	for _, tech := range []vmcore.Technique{vmcore.GuestCoW, vmcore.HostCoW} {
		src := newSandbox(t, vmcore.Config{Technique: tech})
		sum0, _ := src.Checksum(0, heap)
		sn := snapshot(t, src)
		var wg sync.WaitGroup
		errs := make(chan error, 16)
		for g := range 4 {
			s := newSandbox(t, vmcore.Config{Technique: tech})
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 10 {
					if err := s.Restore(sn, adopt{}); err != nil {
						errs <- err
						return
					}
					if got, _ := s.Checksum(0, heap); got != sum0 {
						errs <- fmt.Errorf("%v tenant %d round %d: heap "+
							"%#x after restore, snapshot %#x", tech, g, i,
							got, sum0)
						return
					}
					pat := uint64(g+1)<<32 | uint64(i)
					if err := s.Touch(uint64(g), 4, 4, pat); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
	}
}

// TestAttackHostCoWWritesStayPrivate: host-cow maps the blob's memfd
// MAP_PRIVATE and writable. A guest's writes there must stay in its
// private copies: a guest-cow sandbox and a fresh sandbox over the
// same blob, and the blob itself, must not see them.
func TestAttackHostCoWWritesStayPrivate(t *testing.T) {
	heap := layout.Default().HeapSize
	src := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, src)
	page := sn.Page(layout.SnapshotBase + layout.Default().HeapOffset())
	want, _ := src.Checksum(0, heap)
	a := newSandbox(t, vmcore.Config{Technique: vmcore.HostCoW})
	restore(t, a, sn)
	b := newSandbox(t, vmcore.Config{})
	restore(t, b, sn)
	if err := a.Touch(0, 32, 1, 0x4141414141414141); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Fill(0x4242424242424242); err != nil {
		t.Fatal(err)
	}
	if got, _ := b.Checksum(0, heap); got != want {
		t.Errorf("guest-cow sandbox sees host-cow writes: %#x != %#x", got, want)
	}
	f, err := vmcore.NewFromSnapshot(sn, vmcore.Config{Technique: vmcore.HostCoW})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.Checksum(0, heap); got != want {
		t.Errorf("fresh host-cow sandbox sees another's writes: %#x", got)
	}
	if string(sn.Page(layout.SnapshotBase+layout.Default().HeapOffset())) != string(page) {
		t.Error("blob changed")
	}
}
