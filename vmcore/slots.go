package vmcore

import (
	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// mapSnapshotSlot makes slot 0 show blob b with layout l under the
// sandbox's technique: read-only over the blob itself, or over a
// writable region built from it. It takes a reference on b.
func (s *Sandbox) mapSnapshotSlot(b *blob, l layout.Layout) error {
	if err := s.inject("map-snapshot-slot"); err != nil {
		return err
	}
	mem, flags, pt := b.mem[:l.SnapshotSize], uint32(kvm.MemReadonly),
		b.ptTail()
	var r *region
	if s.tech.writable() {
		var err error
		if r, err = newRegion(s.tech, b, l.SnapshotSize); err != nil {
			return err
		}
		mem, flags = r.mem, 0
		if s.tech == Dirty {
			flags = kvm.MemLogDirtyPages
		}
		pt = make([]byte, l.PTSize)
		buildPageTables(l, pt, true)
	}
	err := s.vm.SetMemoryRegion(kvm.UserMemoryRegion{
		Slot:          slotSnapshot,
		Flags:         flags,
		GuestPhysAddr: layout.SnapshotBase,
		MemorySize:    l.SnapshotSize,
		UserspaceAddr: kvm.HostAddr(mem),
	})
	if err != nil {
		r.free()
		return err
	}
	b.acquire()
	s.mapped, s.region, s.pt = b, r, pt
	return nil
}

// unmapSnapshotSlot deletes slot 0 and drops what backed it.
func (s *Sandbox) unmapSnapshotSlot() error {
	if err := s.inject("unmap-snapshot-slot"); err != nil {
		return err
	}
	if err := s.vm.SetMemoryRegion(kvm.UserMemoryRegion{
		Slot: slotSnapshot}); err != nil {
		return err
	}
	s.region.free()
	s.mapped.release()
	s.mapped, s.region, s.pt = nil, nil, nil
	return nil
}

// slotMemory is the host memory behind slot 0: what the guest sees at
// each snapshot-region address it has not copied on write.
func (s *Sandbox) slotMemory() []byte {
	if s.region != nil {
		return s.region.mem
	}
	return s.mapped.mem[:s.layout.SnapshotSize]
}

func (s *Sandbox) mapScratchSlot(sc *scratch, l layout.Layout) error {
	if err := s.inject("map-scratch-slot"); err != nil {
		return err
	}
	return s.vm.SetMemoryRegion(kvm.UserMemoryRegion{
		Slot:          slotScratch,
		GuestPhysAddr: l.ScratchBase(),
		MemorySize:    l.ScratchSize,
		UserspaceAddr: kvm.HostAddr(sc.mem),
	})
}

func (s *Sandbox) unmapScratchSlot() error {
	if err := s.inject("unmap-scratch-slot"); err != nil {
		return err
	}
	return s.vm.SetMemoryRegion(kvm.UserMemoryRegion{Slot: slotScratch})
}
