package vmcore

import (
	"encoding/binary"

	"snaplab/vmcore/guest"
	"snaplab/vmcore/layout"
)

// pteFlags gives the leaf flags for one page of either base region:
// code is copy-on-write and executable, the PEB read-only, the heap
// copy-on-write, init data as its permissions say, scratch writable.
func pteFlags(l layout.Layout, gpa uint64) uint64 {
	if gpa >= l.ScratchBase() {
		return guest.PTEPresent | guest.PTEWrite | guest.PTENX
	}
	off := gpa - layout.SnapshotBase
	switch {
	case off < l.PEBOffset():
		return guest.PTEPresent | guest.PTECow
	case off < l.HeapOffset():
		return guest.PTEPresent | guest.PTENX
	case off < l.InitDataOffset():
		return guest.PTEPresent | guest.PTECow | guest.PTENX
	}
	f := uint64(guest.PTEPresent)
	if l.InitDataPerms&layout.PermWrite != 0 {
		f |= guest.PTECow
	}
	if l.InitDataPerms&layout.PermExec == 0 {
		f |= guest.PTENX
	}
	return f
}

// ptBuilder lays out four-level page tables in a buffer that will
// live at base in guest-physical memory.
type ptBuilder struct {
	buf  []byte
	base uint64
	next uint64 // offset of the next unused table
}

func (b *ptBuilder) entry(table uint64, index uint64) []byte {
	off := table - b.base + index*8
	return b.buf[off : off+8]
}

// child returns the table an upper-level entry points at, making it
// on first use.
func (b *ptBuilder) child(table, index uint64) uint64 {
	e := b.entry(table, index)
	if v := binary.LittleEndian.Uint64(e); v&guest.PTEPresent != 0 {
		return v & guest.PTEAddr
	}
	t := b.base + b.next
	b.next += layout.PageSize
	binary.LittleEndian.PutUint64(e, t|guest.PTEPresent|guest.PTEWrite)
	return t
}

func (b *ptBuilder) mapPage(gpa, flags uint64) {
	t := b.base // PML4
	for shift := uint64(39); shift > 12; shift -= 9 {
		t = b.child(t, (gpa>>shift)&511)
	}
	binary.LittleEndian.PutUint64(b.entry(t, (gpa>>12)&511), gpa|flags)
}

// buildPageTables writes the PT tail of a layout into dst, which must
// be l.PageTableSize() long. The tables identity-map both regions and
// expect to be copied to the scratch PT offset. With writable set, the
// pages the guest would copy on write are mapped writable instead, for
// the techniques that let it write the snapshot region in place.
func buildPageTables(l layout.Layout, dst []byte, writable bool) {
	clear(dst)
	b := &ptBuilder{buf: dst, base: l.ScratchBase() + l.PTOffset(),
		next: layout.PageSize}
	end := layout.SnapshotBase + l.GuestVisibleSize()
	for gpa := uint64(layout.SnapshotBase); gpa < end; gpa += layout.PageSize {
		f := pteFlags(l, gpa)
		if writable && f&guest.PTECow != 0 {
			f = f&^guest.PTECow | guest.PTEWrite
		}
		b.mapPage(gpa, f)
	}
	for gpa := l.ScratchBase(); gpa < layout.PhysTop; gpa += layout.PageSize {
		b.mapPage(gpa, pteFlags(l, gpa))
	}
}

// leafEntry reads the leaf entry for gpa from page tables held in
// tables (which live at base). It returns 0 if any level is absent or
// points outside tables.
func leafEntry(tables []byte, base, gpa uint64) uint64 {
	t := base
	for shift := uint64(39); shift >= 12; shift -= 9 {
		off := t - base + ((gpa>>shift)&511)*8
		if t < base || off+8 > uint64(len(tables)) {
			return 0
		}
		v := binary.LittleEndian.Uint64(tables[off:])
		if v&guest.PTEPresent == 0 {
			return 0
		}
		if shift == 12 {
			return v
		}
		t = v & guest.PTEAddr
	}
	return 0
}

// PageFlags returns the leaf page-table flags layout l gives the page
// at gpa, for evidence that compares layouts.
func PageFlags(l layout.Layout, gpa uint64) uint64 { return pteFlags(l, gpa) }
