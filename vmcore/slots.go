package vmcore

import (
	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// mapSnapshotSlot points the read-only slot at blob b's guest-visible
// part and takes a reference on it.
func (s *Sandbox) mapSnapshotSlot(b *blob, l layout.Layout) error {
	if err := s.inject("map-snapshot-slot"); err != nil {
		return err
	}
	err := s.vm.SetMemoryRegion(kvm.UserMemoryRegion{
		Slot:          slotSnapshot,
		Flags:         kvm.MemReadonly,
		GuestPhysAddr: layout.SnapshotBase,
		MemorySize:    l.SnapshotSize,
		UserspaceAddr: kvm.HostAddr(b.mem),
	})
	if err != nil {
		return err
	}
	b.acquire()
	s.mapped = b
	return nil
}

// unmapSnapshotSlot deletes the read-only slot and drops the blob.
func (s *Sandbox) unmapSnapshotSlot() error {
	if err := s.inject("unmap-snapshot-slot"); err != nil {
		return err
	}
	if err := s.vm.SetMemoryRegion(kvm.UserMemoryRegion{
		Slot: slotSnapshot}); err != nil {
		return err
	}
	s.mapped.release()
	s.mapped = nil
	return nil
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
