package layout

// Page-table geometry of x86-64 four-level paging.
const (
	ptSpan   = 2 << 20 // bytes one page table maps
	pdSpan   = 1 << 30 // bytes one page directory maps
	pdptSpan = 512 << 30
)

// PageTableSize is the length of the page tables that identity-map
// both base regions with 4 KiB pages: one PML4, one PDPT (the 36-bit
// space fits in its first entry), and the directories and tables the
// two regions touch.
func (l Layout) PageTableSize() uint64 {
	snapLo, snapHi := uint64(SnapshotBase), SnapshotBase+l.GuestVisibleSize()
	scrLo, scrHi := l.ScratchBase(), uint64(PhysTop)
	tables := 2 +
		spans(snapLo, snapHi, pdSpan) + spans(scrLo, scrHi, pdSpan) +
		spans(snapLo, snapHi, ptSpan) + spans(scrLo, scrHi, ptSpan)
	return tables * PageSize
}

// spans counts the span-aligned blocks that [lo, hi) touches.
func spans(lo, hi, span uint64) uint64 {
	if hi <= lo {
		return 0
	}
	return (hi-1)/span - lo/span + 1
}
