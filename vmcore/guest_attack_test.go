package vmcore_test

import (
	"errors"
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/guest"
	"snaplab/vmcore/layout"
)

// TestAttackGuestCannotWriteSharedBlob: two sandboxes map one
// snapshot blob; one guest makes a heap page's PTE writable (no CoW)
// and writes it. The read-only KVM slot must turn that into a fault,
// and the other sandbox must still read the original bytes.
func TestAttackGuestCannotWriteSharedBlob(t *testing.T) {
	img := evilImage(t)
	heap := layout.Default().HeapSize
	a := newSandbox(t, vmcore.Config{Image: img})
	sn := snapshot(t, a)
	b := newSandbox(t, vmcore.Config{Image: img})
	restore(t, b, sn)
	want, _ := b.Checksum(0, heap)
	page0 := sn.Page(layout.SnapshotBase + layout.Default().HeapOffset())

	l := a.Layout()
	heapVA := layout.SnapshotBase + l.HeapOffset()
	for _, va := range []uint64{heapVA, layout.SnapshotBase + l.PEBOffset(),
		layout.SnapshotBase /* code */} {
		restore(t, a, sn)
		_, err := evTry(a, evForceWrt, va, 0x4141414141414141)
		if !errors.Is(err, vmcore.ErrGuestFault) {
			t.Errorf("forced write to blob page %#x: %v, want a guest "+
				"fault", va, err)
		}
	}
	if got, _ := b.Checksum(0, heap); got != want {
		t.Errorf("other sandbox's heap changed: %#x -> %#x", want, got)
	}
	if string(sn.Page(heapVA)) != string(page0) {
		t.Error("snapshot blob changed")
	}
	restore(t, a, sn)
	if got, _ := a.Checksum(0, heap); got != want {
		t.Errorf("attacker's heap after restore %#x, want %#x", got, want)
	}
}

// TestAttackGuestPageTablesVsCompaction: the guest rewrites its own
// page tables (which live in writable scratch) to point snapshot pages
// at places compaction must not read, then the host compacts. Each
// must fail cleanly or succeed; none may panic or read outside the
// blob and scratch. Run in a child so that a panic on the vCPU thread
// shows as a failure instead of killing the test binary.
func TestAttackGuestPageTablesVsCompaction(t *testing.T) {
	const name = "TestAttackGuestPageTablesVsCompaction"
	if !inChild(name) {
		needKVM(t)
		evilImage(t)
		out, ok := runChild(t, name, 50e9)
		t.Log(firstLines(out, 40))
		if !ok {
			t.Fatal("child failed or crashed")
		}
		return
	}
	img := evilImage(t)
	s := newSandbox(t, vmcore.Config{Image: img})
	sn := snapshot(t, s)
	l := s.Layout()
	heapVA := layout.SnapshotBase + l.HeapOffset()
	base := l.ScratchBase()
	targets := map[string]uint64{
		"null guard":             0x1000,
		"PT copy in scratch":     base + l.PTOffset(),
		"input buffer":           base + l.InputOffset(),
		"last PT page":           base + l.FreeOffset() - 4096,
		"bookkeeping page":       layout.PhysTop - 4096,
		"beyond phys top":        layout.PhysTop,
		"max physical address":   guest.PTEAddr &^ 0xfff,
		"another snapshot page":  heapVA + 4096,
		"just below scratch":     base - 4096,
		"top of snapshot region": layout.SnapshotBase + l.SnapshotSize,
	}
	for what, gpa := range targets {
		restore(t, s, sn)
		old := evCall(t, s, evGetPTE, heapVA)
		pte := gpa | guest.PTEPresent | guest.PTEWrite | guest.PTENX
		evCall(t, s, evSetPTE, heapVA, pte)
		snap, err := s.Snapshot()
		_, verr := s.GuestView()
		t.Logf("heap PTE %#x -> %#x (%s): Snapshot err=%v; GuestView err=%v",
			old, pte, what, err, verr)
		if err == nil {
			snap.Release()
		}
	}
	// Upper levels: point the PML4's first entry at scratch's free
	// pages, and at the input buffer, and make the PDPT self-map.
	restore(t, s, sn)
	pml4 := base + l.PTOffset()
	for what, v := range map[string]uint64{
		"PML4[0] -> input":       base | guest.PTEPresent | guest.PTEWrite,
		"PML4[0] -> itself":      pml4 | guest.PTEPresent | guest.PTEWrite,
		"PML4[0] -> beyond top":  layout.PhysTop | guest.PTEPresent,
		"PML4[0] -> huge addr":   guest.PTEAddr | guest.PTEPresent,
		"PML4[0] cleared":        0,
		"PML4[0] -> free page 0": base + l.FreeOffset() | guest.PTEPresent,
	} {
		restore(t, s, sn)
		// The write goes through the scratch identity mapping; once it
		// lands the guest itself may fault, which is fine.
		_, cerr := evTry(s, evWrite, pml4, v)
		snap, err := s.Snapshot()
		_, verr := s.GuestView()
		t.Logf("%s (call: %v): Snapshot err=%v; GuestView err=%v",
			what, cerr, err, verr)
		if err == nil {
			snap.Release()
		}
	}
	restore(t, s, sn)
	if _, err := s.Echo([]byte("still fine")); err != nil {
		t.Fatal(err)
	}
}
