package vmcore

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/sys/unix"

	"snaplab/vmcore/guest"
	"snaplab/vmcore/layout"
)

// ScratchReset is how scratch is cleared when a restore keeps its
// size.
type ScratchReset int

const (
	// ResetMadvise drops every page with madvise(MADV_DONTNEED); the
	// guest's next touch of each page faults in a zero page.
	ResetMadvise ScratchReset = iota
	// ResetMemset zeroes all of scratch, keeping its pages resident.
	ResetMemset
	// ResetThreshold zeroes small scratch regions in place and drops
	// the pages of larger ones.
	ResetThreshold
)

// thresholdBytes is the scratch size above which ResetThreshold
// switches from memset to madvise.
const thresholdBytes = 1 << 20

func (r ScratchReset) String() string {
	return [...]string{"madvise", "memset", "threshold"}[r]
}

// scratch is the writable region's host mapping.
type scratch struct {
	mem []byte
}

func newScratch(size uint64) (*scratch, error) {
	mem, err := unix.Mmap(-1, 0, int(size),
		unix.PROT_READ|unix.PROT_WRITE,
		unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE)
	if err != nil {
		return nil, fmt.Errorf("mmap scratch of %s: %w",
			layout.FormatSize(size), err)
	}
	return &scratch{mem: mem}, nil
}

func (s *scratch) free() {
	if s != nil && s.mem != nil {
		unix.Munmap(s.mem)
		s.mem = nil
	}
}

// word reads a bookkeeping word by its guest-physical address.
func (s *scratch) word(gpa uint64) uint64 {
	off := gpa - (layout.PhysTop - uint64(len(s.mem)))
	return binary.LittleEndian.Uint64(s.mem[off:])
}

func (s *scratch) setWord(gpa, v uint64) {
	off := gpa - (layout.PhysTop - uint64(len(s.mem)))
	binary.LittleEndian.PutUint64(s.mem[off:], v)
}

// reset clears scratch in place. Every byte is cleared, not just the
// pages the guest says it used: the guest can write anywhere in
// scratch, and trusting its allocator cursor would leak.
func (s *scratch) reset(how ScratchReset) error {
	if how == ResetThreshold {
		how = ResetMemset
		if uint64(len(s.mem)) > thresholdBytes {
			how = ResetMadvise
		}
	}
	if how == ResetMadvise {
		if err := unix.Madvise(s.mem, unix.MADV_DONTNEED); err != nil {
			return fmt.Errorf("madvise scratch: %w", err)
		}
		return nil
	}
	clear(s.mem)
	return nil
}

// prepare writes the bookkeeping words and copies the PT tail in: the
// state every call after a restore starts from.
func (s *scratch) prepare(l layout.Layout, pt []byte, generation uint64) {
	copy(s.mem[l.PTOffset():], pt)
	base := l.ScratchBase()
	s.setWord(guest.BKScratchSize, l.ScratchSize)
	s.setWord(guest.BKAllocCursor, base+l.FreeOffset())
	s.setWord(guest.BKPTGPA, base+l.PTOffset())
	s.setWord(guest.BKGeneration, generation)
	s.setWord(guest.BKAllocLimit, base+l.BookkeepingOffset()-
		layout.StackPages*layout.PageSize)
	s.setWord(guest.BKCowCount, 0)
	s.setWord(guest.BKFaultDepth, 0)
	s.setWord(guest.BKPEB, layout.SnapshotBase+l.PEBOffset())
}
