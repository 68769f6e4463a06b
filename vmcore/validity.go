package vmcore

import (
	"errors"
	"fmt"

	"snaplab/vmcore/layout"
)

// checkValidity is the snapshot's own validity check, which every
// strategy runs: dropping the layout compatibility check must never
// drop this one, because a malformed snapshot is the security
// boundary. It checks the recorded layout (page alignment, ranges,
// non-overlapping regions), that the two compaction outputs match the
// configured fields, that the blob is exactly as long as they say,
// that the entry point lies in code and the stack top is aligned and
// inside scratch's stack area.
func checkValidity(l layout.Layout, blobLen, entry, stackTop uint64) error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}
	if err := l.Validate(); err != nil {
		return fmt.Errorf("%w: layout: %w", ErrInvalidSnapshot, err)
	}
	if want := l.GuestVisibleSize(); l.SnapshotSize != want {
		bad("snapshot size %#x, layout implies %#x", l.SnapshotSize, want)
	}
	if want := l.PageTableSize(); l.PTSize != want {
		bad("PT size %#x, layout implies %#x", l.PTSize, want)
	}
	if layout.SnapshotBase+l.SnapshotSize > l.ScratchBase() {
		bad("snapshot region [%#x, %#x) overlaps scratch at %#x",
			layout.SnapshotBase, layout.SnapshotBase+l.SnapshotSize,
			l.ScratchBase())
	}
	if blobLen != l.SnapshotSize+l.PTSize {
		bad("blob is %d bytes, layout records %d + %d",
			blobLen, l.SnapshotSize, l.PTSize)
	}
	codeEnd := layout.SnapshotBase + l.CodeSize
	if entry < layout.SnapshotBase || entry >= codeEnd {
		bad("entry %#x outside code [%#x, %#x)",
			entry, layout.SnapshotBase, codeEnd)
	}
	lo := l.ScratchBase() + l.FreeOffset()
	hi := l.StackTop()
	if stackTop%16 != 0 || stackTop <= lo || stackTop > hi {
		bad("stack top %#x not 16-aligned in (%#x, %#x]", stackTop, lo, hi)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrInvalidSnapshot, errors.Join(errs...))
	}
	return nil
}

// Validate runs the snapshot's validity check.
func (sn *Snapshot) Validate() error {
	return checkValidity(sn.Layout, sn.BlobLen(), sn.Entry, sn.StackTop)
}
