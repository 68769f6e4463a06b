package vmcore

import (
	"testing"

	"snaplab/vmcore/layout"
)

// FuzzSnapshotValidity throws random layouts, blob lengths, entry
// points and stack tops at the validity check. It must never panic,
// and whatever it accepts must keep every mapping inside the blob:
// the read-only slot and the PT tail both fit, the PT tail builds
// without running off its buffer, the entry lies in code and the
// stack top in scratch.
func FuzzSnapshotValidity(f *testing.F) {
	d := layout.Default()
	f.Add(d.InputSize, d.OutputSize, d.HeapSize, d.CodeSize,
		d.InitDataSize, uint8(d.InitDataPerms), d.ScratchSize,
		d.SnapshotSize, d.PTSize, d.SnapshotSize+d.PTSize,
		uint64(layout.SnapshotBase), d.StackTop())
	f.Add(uint64(1), uint64(0), uint64(1<<40), uint64(4096), uint64(0),
		uint8(7), uint64(1<<20), uint64(0), uint64(0), uint64(0),
		uint64(0), uint64(0))
	f.Fuzz(func(t *testing.T, in, out, heap, code, init uint64,
		perms uint8, scratch, snapSize, ptSize, blobLen, entry,
		stackTop uint64) {
		l := layout.Layout{InputSize: in, OutputSize: out, HeapSize: heap,
			CodeSize: code, InitDataSize: init,
			InitDataPerms: layout.Perms(perms), ScratchSize: scratch,
			SnapshotSize: snapSize, PTSize: ptSize}
		if checkValidity(l, blobLen, entry, stackTop) != nil {
			return
		}
		if l.SnapshotSize+l.PTSize != blobLen || l.SnapshotSize > blobLen {
			t.Fatalf("accepted a slot of %d + PT %d over a %d-byte blob",
				l.SnapshotSize, l.PTSize, blobLen)
		}
		if layout.SnapshotBase+l.SnapshotSize > l.ScratchBase() {
			t.Fatal("accepted overlapping base regions")
		}
		if entry < layout.SnapshotBase ||
			entry >= layout.SnapshotBase+l.CodeSize {
			t.Fatalf("accepted entry %#x outside code", entry)
		}
		if stackTop <= l.ScratchBase() || stackTop > layout.PhysTop {
			t.Fatalf("accepted stack top %#x outside scratch", stackTop)
		}
		if l.PTSize <= 4<<20 {
			buildPageTables(l, make([]byte, l.PTSize), false)
		}
	})
}
