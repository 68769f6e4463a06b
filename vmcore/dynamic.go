package vmcore

import (
	"fmt"

	"golang.org/x/sys/unix"

	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// Region is a dynamic memory region: a KVM slot over host memory the
// sandbox maps beside its two base regions. A restore unmaps every
// dynamic region.
//
// TODO: dynamic regions get a KVM slot but no guest page-table
// entries, so the guest cannot touch them; the lab only needs their
// slots, to show where a growing base region collides with them.
// Mapping them for the guest means reserving PT pages in scratch.
type Region struct {
	GPA  uint64
	Size uint64
	slot uint32
	mem  []byte
}

func (r *Region) free() {
	if r.mem != nil {
		unix.Munmap(r.mem)
		r.mem = nil
	}
}

// MapRegion maps size bytes of fresh zeroed memory at gpa. The range
// must be page-aligned and clear of both base regions and of every
// other dynamic region.
func (s *Sandbox) MapRegion(gpa, size uint64) (*Region, error) {
	var r *Region
	err := s.exec(func() error {
		var err error
		r, err = s.mapRegion(gpa, size)
		return err
	})
	return r, err
}

func (s *Sandbox) mapRegion(gpa, size uint64) (*Region, error) {
	if err := s.usable(); err != nil {
		return nil, err
	}
	if gpa%layout.PageSize != 0 || size%layout.PageSize != 0 ||
		size == 0 || gpa+size > layout.PhysTop || gpa+size < gpa {
		return nil, fmt.Errorf("map region [%#x, +%#x): want page-aligned,"+
			" non-empty, below %#x", gpa, size, uint64(layout.PhysTop))
	}
	l := s.layout
	taken := [][2]uint64{
		{layout.SnapshotBase, layout.SnapshotBase + l.SnapshotSize},
		{l.ScratchBase(), layout.PhysTop},
	}
	for _, r := range s.dynamic {
		taken = append(taken, [2]uint64{r.GPA, r.GPA + r.Size})
	}
	for _, t := range taken {
		if gpa < t[1] && t[0] < gpa+size {
			return nil, fmt.Errorf("map region [%#x, %#x): overlaps "+
				"[%#x, %#x)", gpa, gpa+size, t[0], t[1])
		}
	}
	mem, err := unix.Mmap(-1, 0, int(size), unix.PROT_READ|unix.PROT_WRITE,
		unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE)
	if err != nil {
		return nil, fmt.Errorf("map region: mmap: %w", err)
	}
	r := &Region{GPA: gpa, Size: size, slot: s.freeSlot(), mem: mem}
	err = s.vm.SetMemoryRegion(kvm.UserMemoryRegion{Slot: r.slot,
		GuestPhysAddr: gpa, MemorySize: size,
		UserspaceAddr: kvm.HostAddr(mem)})
	if err != nil {
		r.free()
		return nil, fmt.Errorf("map region: %w", err)
	}
	s.dynamic = append(s.dynamic, r)
	return r, nil
}

// freeSlot returns the lowest dynamic slot number no region uses, so
// that numbers are reused as regions come and go.
func (s *Sandbox) freeSlot() uint32 {
	for slot := uint32(slotDynamic); ; slot++ {
		used := false
		for _, r := range s.dynamic {
			used = used || r.slot == slot
		}
		if !used {
			return slot
		}
	}
}

// UnmapRegion removes one dynamic region.
func (s *Sandbox) UnmapRegion(r *Region) error {
	return s.exec(func() error {
		if s.getStatus() == Closed {
			return ErrClosed
		}
		return s.unmapRegion(r)
	})
}

// Regions returns the dynamic regions mapped now.
func (s *Sandbox) Regions() []*Region {
	var r []*Region
	s.locked(func() { r = append([]*Region(nil), s.dynamic...) })
	return r
}

func (s *Sandbox) unmapRegion(r *Region) error {
	for i, d := range s.dynamic {
		if d != r {
			continue
		}
		if err := s.inject("dynamic-unmap"); err != nil {
			return err
		}
		if err := s.vm.SetMemoryRegion(kvm.UserMemoryRegion{
			Slot: r.slot}); err != nil {
			return fmt.Errorf("unmap region %#x: %w", r.GPA, err)
		}
		r.free()
		s.dynamic = append(s.dynamic[:i], s.dynamic[i+1:]...)
		return nil
	}
	return fmt.Errorf("unmap region %#x: not mapped here", r.GPA)
}

// unmapAllDynamic removes every dynamic region, newest first.
func (s *Sandbox) unmapAllDynamic() (int, error) {
	n := 0
	for len(s.dynamic) > 0 {
		if err := s.unmapRegion(s.dynamic[len(s.dynamic)-1]); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
