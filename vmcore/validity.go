package vmcore

import (
	"errors"
	"fmt"

	"snaplab/vmcore/kvm"
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
	// The stack top must leave the reserved stack pages below it, and
	// no more: lower, the stack would grow into the pages the guest's
	// allocator hands out for copy-on-write.
	hi := l.StackTop()
	lo := hi - layout.StackPages*layout.PageSize
	if stackTop%16 != 0 || stackTop <= lo || stackTop > hi {
		bad("stack top %#x not 16-aligned in (%#x, %#x]", stackTop, lo, hi)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrInvalidSnapshot, errors.Join(errs...))
	}
	return nil
}

// Validate runs the snapshot's validity check: its layout and blob
// (see checkValidity) and its special registers (see checkSregs).
func (sn *Snapshot) Validate() error {
	if err := checkValidity(sn.Layout, sn.BlobLen(), sn.Entry,
		sn.StackTop); err != nil {
		return err
	}
	return checkSregs(sn.Sregs, sn.Layout)
}

// Control-register bits a snapshot's special registers may carry.
const (
	cr0Allowed  = cr0PE | cr0MP | cr0ET | cr0NE | cr0WP | cr0PG
	cr4Allowed  = cr4PAE | cr4OSFXSR | cr4OSXMMEXCPT | cr4OSXSAVE
	eferAllowed = eferLME | eferLMA | eferNXE
)

// checkSregs refuses special registers that could not have come from
// a sandbox at its dispatch point: anything but 64-bit paging with
// the bits this core sets, a code segment that is not 64-bit ring 0,
// descriptor tables outside the snapshot region, or a pending
// interrupt. Because restore hands special registers to the next
// KVM_RUN, KVM would only refuse bad ones at the next call, after
// restore had reported the sandbox Ready.
func checkSregs(sr kvm.Sregs, l layout.Layout) error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}
	if sr.CR0&^cr0Allowed != 0 || sr.CR0&(cr0PE|cr0PG) != cr0PE|cr0PG {
		bad("cr0 %#x: want paging and protection, no other bits than %#x",
			sr.CR0, uint64(cr0Allowed))
	}
	if sr.CR4&^cr4Allowed != 0 || sr.CR4&cr4PAE == 0 {
		bad("cr4 %#x: want PAE, no other bits than %#x", sr.CR4,
			uint64(cr4Allowed))
	}
	if sr.EFER&^eferAllowed != 0 ||
		sr.EFER&(eferLME|eferLMA) != eferLME|eferLMA {
		bad("efer %#x: want long mode, no other bits than %#x", sr.EFER,
			uint64(eferAllowed))
	}
	if sr.CS.L != 1 || sr.CS.Present != 1 || sr.CS.DPL != 0 ||
		sr.CS.S != 1 || sr.CS.Type&8 == 0 {
		bad("cs %+v: want a present 64-bit ring-0 code segment", sr.CS)
	}
	lo, hi := uint64(layout.SnapshotBase), layout.SnapshotBase+l.SnapshotSize
	tables := [...]struct {
		name string
		t    kvm.DTable
	}{{"gdt", sr.GDT}, {"idt", sr.IDT}}
	for _, d := range tables {
		t := d.t
		if t.Base < lo || t.Base > hi || uint64(t.Limit)+1 > hi-t.Base {
			bad("%s [%#x, +%#x) outside the snapshot region", d.name,
				t.Base, uint64(t.Limit)+1)
		}
	}
	if sr.InterruptBitmap != [4]uint64{} {
		bad("an interrupt is pending: %#x", sr.InterruptBitmap)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: special registers: %w", ErrInvalidSnapshot,
			errors.Join(errs...))
	}
	return nil
}
