package vmcore

import (
	"fmt"
	"sync/atomic"

	"snaplab/vmcore/guest"
	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// Snapshot is a sandbox's state at a dispatch point: the compacted
// memory blob with its PT tail, the layout, special registers, MSR
// values, stack top, next entry, host functions and a generation.
//
// Snapshots are immutable and may be restored into any number of
// sandboxes at once. Release drops the caller's hold; the blob is
// freed once no sandbox maps it either.
type Snapshot struct {
	// hold is shared by copies of the Snapshot value, so that however
	// many copies call Release, the blob loses one reference.
	hold *hold

	Layout        layout.Layout
	Sregs         kvm.Sregs
	MSRs          []kvm.MSREntry
	StackTop      uint64
	Entry         uint64
	HostFunctions []HostFunctionRecord
	Generation    uint64
}

// hold is the caller's reference to a snapshot's blob.
type hold struct {
	blob     *blob
	released atomic.Bool
}

// Release drops the caller's reference to the blob; sandboxes that
// map it keep theirs. Restoring a released snapshot fails. Release
// is safe to call more than once, on the snapshot or on any copy.
func (sn *Snapshot) Release() {
	if sn.hold != nil && sn.hold.released.CompareAndSwap(false, true) {
		sn.hold.blob.release()
	}
}

// pin returns the blob with a reference for the caller to release,
// or nil if the snapshot was released.
func (sn *Snapshot) pin() *blob {
	if sn.hold == nil || sn.hold.released.Load() ||
		!sn.hold.blob.tryAcquire() {
		return nil
	}
	return sn.hold.blob
}

// BlobLen is the length of the memory blob, PT tail included.
func (sn *Snapshot) BlobLen() uint64 {
	if sn.hold == nil {
		return 0
	}
	return sn.hold.blob.size
}

// Page returns a copy of the snapshot's page at gpa in the snapshot
// region, for tests and evidence that compare guest-visible bytes; nil
// if gpa is outside it or the snapshot was released.
func (sn *Snapshot) Page(gpa uint64) []byte {
	b := sn.pin()
	if b == nil {
		return nil
	}
	defer b.release()
	off := gpa - layout.SnapshotBase
	if gpa < layout.SnapshotBase || off >= b.visible {
		return nil
	}
	off &^= layout.PageSize - 1
	return append([]byte(nil), b.mem[off:off+layout.PageSize]...)
}

// Snapshot captures the sandbox, which must be Ready.
func (s *Sandbox) Snapshot() (*Snapshot, error) {
	var sn *Snapshot
	err := s.exec(func() error {
		if err := s.usable(); err != nil {
			return err
		}
		var err error
		sn, err = s.snapshotOnThread()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	return sn, nil
}

func (s *Sandbox) snapshotOnThread() (*Snapshot, error) {
	sregs, err := s.currentSregs()
	if err != nil {
		return nil, err
	}
	msrs, err := readMSRs(s.vcpu, s.msrList)
	if err != nil {
		return nil, err
	}
	b, err := s.compact()
	if err != nil {
		return nil, err
	}
	return &Snapshot{
		hold:          &hold{blob: b},
		Layout:        s.layout,
		Sregs:         sregs,
		MSRs:          msrs,
		StackTop:      s.stackTop,
		Entry:         s.entry,
		HostFunctions: append([]HostFunctionRecord(nil), s.hostList...),
		Generation:    generations.Add(1),
	}, nil
}

// currentSregs reads the special registers; ones still staged for the
// next KVM_RUN are the current ones.
func (s *Sandbox) currentSregs() (kvm.Sregs, error) {
	if s.stagedSregs {
		return *s.vcpu.SyncSregs(), nil
	}
	return s.vcpu.Sregs()
}

// compact builds a new blob from the guest's current view of the
// snapshot region: each page comes from its copy in scratch if the
// guest wrote it, else from the mapped blob. The PT tail is rebuilt
// fresh, so no copy-on-write mapping survives into the snapshot.
func (s *Sandbox) compact() (*blob, error) {
	l := s.layout
	b, err := newBlob(l.SnapshotSize, l.PTSize)
	if err != nil {
		return nil, err
	}
	ptBase := l.ScratchBase() + l.PTOffset()
	tables := s.scratch.mem[l.PTOffset():][:l.PTSize]
	for off := uint64(0); off < l.SnapshotSize; off += layout.PageSize {
		gpa := layout.SnapshotBase + off
		src, err := s.pageSource(leafEntry(tables, ptBase, gpa), gpa)
		if err != nil {
			b.release()
			return nil, err
		}
		copy(b.mem[off:off+layout.PageSize], src)
	}
	buildPageTables(l, b.ptTail(), false)
	if err := b.seal(); err != nil {
		b.release()
		return nil, err
	}
	return b, nil
}

// pageSource finds the host bytes behind a guest page, refusing any
// mapping that points outside the two base regions.
func (s *Sandbox) pageSource(pte, gpa uint64) ([]byte, error) {
	l := s.layout
	addr := pte & guest.PTEAddr
	switch {
	case pte&guest.PTEPresent == 0:
		return nil, fmt.Errorf("page %#x is unmapped in the guest", gpa)
	case addr == gpa:
		off := gpa - layout.SnapshotBase
		return s.slotMemory()[off : off+layout.PageSize], nil
	case addr >= l.ScratchBase()+l.FreeOffset() && addr < layout.PhysTop:
		off := addr - l.ScratchBase()
		return s.scratch.mem[off : off+layout.PageSize], nil
	}
	return nil, fmt.Errorf("page %#x maps to %#x, outside its own "+
		"page and scratch's free pages", gpa, addr)
}
