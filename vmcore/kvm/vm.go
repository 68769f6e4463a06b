package kvm

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// VM is an open VM fd.
type VM struct {
	fd  int
	sys *System
}

// Close releases the VM fd; KVM frees the VM once its vCPUs are
// closed too.
func (vm *VM) Close() error { return unix.Close(vm.fd) }

// SetMemoryRegion creates, moves or (with size 0) deletes a slot.
func (vm *VM) SetMemoryRegion(r UserMemoryRegion) error {
	if err := ioctlPtr(vm.fd, reqSetUserMemoryRegion, &r); err != nil {
		return fmt.Errorf("KVM_SET_USER_MEMORY_REGION slot %d "+
			"gpa %#x size %#x: %w", r.Slot, r.GuestPhysAddr,
			r.MemorySize, err)
	}
	return nil
}

// SetTSSAddr places the three pages Intel's real-mode emulation
// needs; harmless elsewhere.
func (vm *VM) SetTSSAddr(gpa uint64) error {
	_, err := ioctl(vm.fd, reqSetTSSAddr, uintptr(gpa))
	return err
}

// CreateVCPU makes vCPU id and maps its shared kvm_run page.
func (vm *VM) CreateVCPU(id int) (*VCPU, error) {
	fd, err := ioctl(vm.fd, reqCreateVCPU, uintptr(id))
	if err != nil {
		return nil, fmt.Errorf("KVM_CREATE_VCPU: %w", err)
	}
	run, err := unix.Mmap(int(fd), 0, vm.sys.mmapSize,
		unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		unix.Close(int(fd))
		return nil, fmt.Errorf("mmap kvm_run: %w", err)
	}
	return &VCPU{fd: int(fd), run: run}, nil
}
