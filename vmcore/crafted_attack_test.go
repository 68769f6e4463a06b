package vmcore_test

import (
	"errors"
	"testing"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/guest"
	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// craftedLayouts returns layouts that pass the snapshot validity check
// over a blob of blobLen bytes but differ from the real one: the check
// ties the blob length to SnapshotSize + PTSize only, so any layout
// with the same sum gets through.
func craftedLayouts(real layout.Layout, blobLen uint64, max int) []layout.Layout {
	var out []layout.Layout
	k := uint64(1 << 10)
	for _, in := range []uint64{4 * k, 16 * k, 64 * k} {
		for _, o := range []uint64{4 * k, 16 * k, 1 << 20} {
			for _, sc := range []uint64{96 * k, 288 * k, 2 << 20,
				2<<20 + 4*k, 8 << 20, 1<<30 + 4*k} {
				for _, h := range []uint64{120 * k, 124 * k, 128 * k,
					132 * k, 136 * k} {
					for _, c := range []uint64{60 * k, 64 * k, 68 * k} {
						for _, id := range []uint64{0, 4 * k, 8 * k} {
							for _, p := range []layout.Perms{1, 3, 5, 7} {
								l := layout.Layout{InputSize: in,
									OutputSize: o, HeapSize: h,
									CodeSize: c, InitDataSize: id,
									InitDataPerms: p, ScratchSize: sc,
								}.WithOutputs()
								if l == real || l.Validate() != nil ||
									l.SnapshotSize+l.PTSize != blobLen {
									continue
								}
								out = append(out, l)
								if len(out) == max {
									return out
								}
							}
						}
					}
				}
			}
		}
	}
	return out
}

// TestAttackCraftedLayoutsStayInBounds restores crafted layouts that
// pass validity into a sandbox already mapping the blob and into fresh
// sandboxes, under every technique, and drives the host paths that
// index memory by layout (call buffers, compaction, GuestView). None
// may panic (the child would die) or hang (calls have deadlines).
func TestAttackCraftedLayoutsStayInBounds(t *testing.T) {
	const name = "TestAttackCraftedLayoutsStayInBounds"
	if !inChild(name) {
		needKVM(t)
		out, ok := runChild(t, name, 55*time.Second)
		t.Log(firstLines(out, 30))
		if !ok {
			t.Fatal("child crashed or failed")
		}
		return
	}
	for _, tech := range []vmcore.Technique{vmcore.GuestCoW,
		vmcore.Copy, vmcore.Dirty, vmcore.HostCoW} {
		s := newSandbox(t, vmcore.Config{Technique: tech})
		sn := snapshot(t, s)
		ls := craftedLayouts(sn.Layout, sn.BlobLen(), 300)
		admitted, ready, okCalls := 0, 0, 0
		for _, l := range ls {
			bad := *sn
			bad.Layout = l
			bad.Entry = sn.Entry
			if bad.Validate() != nil {
				continue
			}
			admitted++
			for _, target := range []string{"same", "fresh"} {
				var x *vmcore.Sandbox
				if target == "same" {
					restore(t, s, sn)
					if err := s.Restore(&bad, adopt{}); err != nil {
						t.Logf("%v restore %+v: %v", tech, l, err)
						continue
					}
					x = s
				} else {
					var err error
					x, err = vmcore.NewFromSnapshot(&bad,
						vmcore.Config{Technique: tech})
					if err != nil {
						t.Logf("%v fresh %+v: %v", tech, l, err)
						continue
					}
				}
				ready++
				dl := time.Now().Add(2 * time.Second)
				_, err := x.Call(vmcore.Request{Function: guest.FnEcho,
					Payload: make([]byte, 64), Deadline: dl})
				if err == nil {
					okCalls++
				}
				if s2, err := x.Snapshot(); err == nil {
					s2.Release()
				}
				x.GuestView()
				if target == "fresh" {
					x.Close()
				}
			}
		}
		// Release the crafted copies' blob reference exactly once: sn's
		// cleanup does it; the copies are never released.
		t.Logf("%v: %d crafted layouts passed validity, %d restores "+
			"landed, %d first calls returned without error",
			tech, admitted, ready, okCalls)
		restore(t, s, sn)
		if _, err := s.Echo([]byte("after")); err != nil {
			t.Fatalf("%v: own snapshot after crafted ones: %v", tech, err)
		}
	}
}

// TestAttackCraftedInterruptBitmapOutlivesRestore: the snapshot's
// special registers go to KVM_SET_SREGS unchecked, interrupt_bitmap
// included, which queues an interrupt in the vCPU. Restoring another,
// good snapshot next does not clear it (SET_SREGS only ever adds, and
// the events are reset only on a Poisoned sandbox), so the next
// tenant's first call takes an interrupt it never asked for.
func TestAttackCraftedInterruptBitmapOutlivesRestore(t *testing.T) {
	s := newSandbox(t, vmcore.Config{NoSyncRegs: true})
	sn := snapshot(t, s)
	bad := *sn
	bad.Sregs.InterruptBitmap[0] = 1 << 0x30
	if err := bad.Validate(); err != nil {
		t.Logf("validity refuses it (fixed): %v", err)
		return
	}
	if err := s.Restore(&bad, adopt{}); err != nil {
		t.Fatalf("restore of crafted sregs: %v", err)
	}
	// The good snapshot, with no call in between.
	restore(t, s, sn)
	if s.Status() != vmcore.Ready {
		t.Fatalf("status %v", s.Status())
	}
	if _, err := s.Echo([]byte("tenant B")); err != nil {
		t.Errorf("first call after restoring a good snapshot: %v "+
			"(an interrupt queued by the previous, crafted snapshot "+
			"survived the restore)", err)
	}
}

// TestAttackCraftedMSRListIsTrusted: restore writes sn.MSRs as given,
// so a snapshot whose MSR list is empty resets no MSR at all (the
// previous tenant's KERNEL_GS_BASE stays); likewise extra entries set
// MSRs outside the eight restore knows, which no later restore puts
// back (see TestAttackMSRLeakAcrossRestore). Validity checks neither.
func TestAttackCraftedMSRListIsTrusted(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	dirty := vmcore.RegisterValues{FCW: 0x37f, MXCSR: 0x1f80,
		KGSBase: 0x7e4a47000}
	if err := s.DirtyRegisters(dirty); err != nil {
		t.Fatal(err)
	}
	empty := *sn
	empty.MSRs = nil
	if err := empty.Validate(); err != nil {
		t.Fatalf("validity refused an empty MSR list: %v", err)
	}
	restore(t, s, &empty)
	got, err := s.ReadRegisters()
	if err != nil {
		t.Fatal(err)
	}
	if got.KGSBase == dirty.KGSBase {
		t.Errorf("snapshot with no MSRs admitted; previous tenant's "+
			"KERNEL_GS_BASE %#x survives restore", got.KGSBase)
	}

}

// TestAttackCraftedBadMSRPoisonsAndRetryRecovers: status semantics on
// a late failure. An MSR KVM refuses makes SET_MSRS fail: the sandbox
// is Poisoned, and a retried restore of a good snapshot makes it Ready.
// (Refusing the list up front, leaving the sandbox Ready, is fine too.)
func TestAttackCraftedBadMSRPoisonsAndRetryRecovers(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	bad := *sn
	bad.MSRs = append(append([]kvm.MSREntry(nil), sn.MSRs...),
		kvm.MSREntry{Index: 0xdeadbeef, Data: 1})
	err := s.Restore(&bad, adopt{})
	switch {
	case errors.Is(err, vmcore.ErrInvalidSnapshot) && s.Status() == vmcore.Ready:
		t.Logf("refused up front, sandbox untouched: %v", err)
	case err == nil || s.Status() != vmcore.Poisoned:
		t.Fatalf("restore with a bogus MSR: %v, status %v", err, s.Status())
	}
	restore(t, s, sn)
	if _, err := s.Echo([]byte("ok")); err != nil {
		t.Fatal(err)
	}
}

// TestAttackCraftedBadSregsWithSyncRegs: with KVM_CAP_SYNC_REGS the
// special registers are only staged by restore; KVM sees them at the
// next KVM_RUN. A restore of invalid sregs therefore reports success
// and Ready, and it is the next call that fails. A retried restore of
// a good snapshot must still recover.
func TestAttackCraftedBadSregsWithSyncRegs(t *testing.T) {
	for _, nosync := range []bool{false, true} {
		s := newSandbox(t, vmcore.Config{NoSyncRegs: nosync})
		sn := snapshot(t, s)
		bad := *sn
		bad.Sregs.CR0 &^= 1 // paging without protection: invalid
		rerr := s.Restore(&bad, adopt{})
		st := s.Status()
		_, cerr := s.Echo([]byte("x"))
		t.Logf("nosync=%v: restore err=%v status=%v; first call: %v",
			nosync, rerr, st, cerr)
		if rerr == nil && st == vmcore.Ready && cerr != nil {
			t.Errorf("nosync=%v: restore of invalid special registers "+
				"reported success and Ready; the failure surfaced only "+
				"in the next call (%v)", nosync, cerr)
		}
		restore(t, s, sn)
		if _, err := s.Echo([]byte("ok")); err != nil {
			t.Fatalf("nosync=%v: retried restore did not recover: %v",
				nosync, err)
		}
	}
}

// TestAttackSregsTableRangeWraps: the descriptor-table check added to
// validity computes Base+Limit+1 in 64 bits; a base near the top of
// the address space wraps below the snapshot region's end and passes.
func TestAttackSregsTableRangeWraps(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	for _, base := range []uint64{0xffff_ffff_ffff_f000, 0x1_0000_0000_0000} {
		bad := *sn
		bad.Sregs.IDT.Base, bad.Sregs.IDT.Limit = base, 0xffff
		err := bad.Validate()
		t.Logf("IDT at %#x+0x10000: %v", base, err)
		if err == nil {
			t.Errorf("validity admits an IDT at %#x, outside the "+
				"snapshot region", base)
		}
	}
}
