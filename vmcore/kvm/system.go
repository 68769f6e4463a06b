package kvm

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// System is an open /dev/kvm.
type System struct {
	fd       int
	mmapSize int
}

// Open opens /dev/kvm and checks the API version.
func Open() (*System, error) {
	fd, err := unix.Open("/dev/kvm", unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("open /dev/kvm: %w", err)
	}
	s := &System{fd: fd}
	v, err := ioctl(fd, reqGetAPIVersion, 0)
	if err != nil || v != APIVersion {
		s.Close()
		return nil, fmt.Errorf("kvm api version %d (%v), want %d",
			v, err, APIVersion)
	}
	n, err := ioctl(fd, reqGetVCPUMmapSize, 0)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("KVM_GET_VCPU_MMAP_SIZE: %w", err)
	}
	s.mmapSize = int(n)
	return s, nil
}

// Close releases the /dev/kvm fd.
func (s *System) Close() error { return unix.Close(s.fd) }

// CheckExtension reports a capability's value (0: absent).
func (s *System) CheckExtension(capability int) int {
	r, err := ioctl(s.fd, reqCheckExtension, uintptr(capability))
	if err != nil {
		return 0
	}
	return int(r)
}

// CreateVM makes a new VM with no memory and no vCPU.
func (s *System) CreateVM() (*VM, error) {
	fd, err := ioctl(s.fd, reqCreateVM, 0)
	if err != nil {
		return nil, fmt.Errorf("KVM_CREATE_VM: %w", err)
	}
	return &VM{fd: int(fd), sys: s}, nil
}

// SupportedCPUID returns the CPUID leaves KVM can offer a guest.
func (s *System) SupportedCPUID() ([]CPUIDEntry, error) {
	entries := make([]CPUIDEntry, 256)
	head, err := ioctlEntries(s.fd, reqGetSupportedCPUID,
		kvmCPUID2{NEnt: uint32(len(entries))}, entries)
	if err != nil {
		return nil, fmt.Errorf("KVM_GET_SUPPORTED_CPUID: %w", err)
	}
	return entries[:head.NEnt], nil
}

// MSRIndexList returns the MSRs KVM saves and restores for a guest.
func (s *System) MSRIndexList() ([]uint32, error) {
	idx := make([]uint32, 1024)
	head, err := ioctlEntries(s.fd, reqGetMSRIndexList,
		kvmMSRList{NMSRs: uint32(len(idx))}, idx)
	if err != nil {
		return nil, fmt.Errorf("KVM_GET_MSR_INDEX_LIST: %w", err)
	}
	return idx[:head.NMSRs], nil
}

// Backend names the kernel module that provides /dev/kvm, read from
// sysfs: kvm_intel, kvm_amd, kvm_pvm, or "unknown".
func Backend() string {
	for _, m := range []string{"kvm_pvm", "kvm_intel", "kvm_amd"} {
		if _, err := os.Stat("/sys/module/" + m); err == nil {
			return m
		}
	}
	return "unknown"
}
