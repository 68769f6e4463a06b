package layout

// RoundUp rounds n up to a multiple of PageSize.
func RoundUp(n uint64) uint64 {
	return (n + PageSize - 1) &^ (PageSize - 1)
}

// Offsets inside the snapshot region, relative to SnapshotBase.

// PEBOffset is where the process environment block starts.
func (l Layout) PEBOffset() uint64 { return RoundUp(l.CodeSize) }

// HeapOffset is where the heap starts.
func (l Layout) HeapOffset() uint64 { return l.PEBOffset() + PEBSize }

// InitDataOffset is where the init data starts.
func (l Layout) InitDataOffset() uint64 {
	return l.HeapOffset() + RoundUp(l.HeapSize)
}

// GuestVisibleSize is the length of the snapshot region the guest
// sees: code, PEB, heap and init data.
func (l Layout) GuestVisibleSize() uint64 {
	return l.InitDataOffset() + RoundUp(l.InitDataSize)
}

// Offsets inside the scratch region, relative to ScratchBase.

// ScratchBase is the guest-physical address where scratch begins.
func (l Layout) ScratchBase() uint64 { return PhysTop - l.ScratchSize }

// InputOffset is where the input buffer starts (scratch's first byte).
func (l Layout) InputOffset() uint64 { return 0 }

// OutputOffset is where the output buffer starts.
func (l Layout) OutputOffset() uint64 { return RoundUp(l.InputSize) }

// PTOffset is where the page-table copy starts.
func (l Layout) PTOffset() uint64 {
	return l.OutputOffset() + RoundUp(l.OutputSize)
}

// FreeOffset is where free pages start, after the page tables.
func (l Layout) FreeOffset() uint64 { return l.PTOffset() + l.PTSize }

// BookkeepingOffset is the start of the top page of scratch, which
// holds the bookkeeping words; the stack grows down from here.
func (l Layout) BookkeepingOffset() uint64 {
	return l.ScratchSize - PageSize
}

// StackTop is the guest-physical address the stack grows down from.
func (l Layout) StackTop() uint64 {
	return l.ScratchBase() + l.BookkeepingOffset()
}

// StackPages is how many pages below the bookkeeping page the layout
// reserves for the stack; the allocator stops short of them.
const StackPages = 4

// SlackPages is the minimum number of free pages scratch must keep
// beyond input, output and page tables: the bookkeeping page, the
// stack and a few pages for copy-on-write.
const SlackPages = 12

// GuestPrivatePages is how many code-region pages the guest itself
// copies on write after a restore, whatever the workload: its IDT,
// its allocator state and its FPU save area.
const GuestPrivatePages = 4

// CopyRoom is how many heap pages the guest can copy on write after a
// restore before scratch's free pages run out.
func (l Layout) CopyRoom() uint64 {
	free := l.BookkeepingOffset() - StackPages*PageSize
	if free <= l.FreeOffset() {
		return 0
	}
	pages := (free - l.FreeOffset()) / PageSize
	if pages <= GuestPrivatePages {
		return 0
	}
	return pages - GuestPrivatePages
}

// MinScratch is the smallest scratch that holds this layout's input,
// output, page tables and slack.
func (l Layout) MinScratch() uint64 {
	return RoundUp(l.InputSize) + RoundUp(l.OutputSize) +
		l.PageTableSize() + SlackPages*PageSize
}
