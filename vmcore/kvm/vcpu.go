package kvm

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// VCPU is an open vCPU fd and its mapped kvm_run page. Its methods
// must all be called from one locked OS thread.
type VCPU struct {
	fd  int
	run []byte
}

// Close unmaps kvm_run and releases the vCPU fd.
func (c *VCPU) Close() error {
	err := unix.Munmap(c.run)
	if e := unix.Close(c.fd); err == nil {
		err = e
	}
	return err
}

// ErrInterrupted is returned by Run when a signal, or a set
// immediate-exit flag, stopped KVM_RUN before a guest exit.
var ErrInterrupted = fmt.Errorf("KVM_RUN interrupted")

// Run enters the guest until the next exit. A signal interrupting it
// is reported as ErrInterrupted, not as a failure.
func (c *VCPU) Run() error {
	_, err := ioctl0(c.fd, reqRun)
	if err == unix.EINTR || err == unix.EAGAIN {
		return ErrInterrupted
	}
	if err != nil {
		return fmt.Errorf("KVM_RUN: %w", err)
	}
	return nil
}

func get[T any](c *VCPU, req uintptr, name string) (T, error) {
	var v T
	if err := ioctlPtr(c.fd, req, &v); err != nil {
		return v, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

func set[T any](c *VCPU, req uintptr, name string, v *T) error {
	if err := ioctlPtr(c.fd, req, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Regs reads the general registers.
func (c *VCPU) Regs() (Regs, error) {
	return get[Regs](c, reqGetRegs, "KVM_GET_REGS")
}

// SetRegs writes the general registers.
func (c *VCPU) SetRegs(r *Regs) error {
	return set(c, reqSetRegs, "KVM_SET_REGS", r)
}

// Sregs reads the special registers.
func (c *VCPU) Sregs() (Sregs, error) {
	return get[Sregs](c, reqGetSregs, "KVM_GET_SREGS")
}

// SetSregs writes the special registers.
func (c *VCPU) SetSregs(s *Sregs) error {
	return set(c, reqSetSregs, "KVM_SET_SREGS", s)
}

// FPU reads the x87 and SSE state.
func (c *VCPU) FPU() (FPU, error) {
	return get[FPU](c, reqGetFPU, "KVM_GET_FPU")
}

// SetFPU writes the x87 and SSE state.
func (c *VCPU) SetFPU(f *FPU) error {
	return set(c, reqSetFPU, "KVM_SET_FPU", f)
}

// DebugRegs reads DR0-DR3, DR6 and DR7.
func (c *VCPU) DebugRegs() (DebugRegs, error) {
	return get[DebugRegs](c, reqGetDebugRegs, "KVM_GET_DEBUGREGS")
}

// SetDebugRegs writes DR0-DR3, DR6 and DR7.
func (c *VCPU) SetDebugRegs(d *DebugRegs) error {
	return set(c, reqSetDebugRegs, "KVM_SET_DEBUGREGS", d)
}

// XSAVE reads the extended state area.
func (c *VCPU) XSAVE() (XSAVE, error) {
	return get[XSAVE](c, reqGetXSAVE, "KVM_GET_XSAVE")
}

// SetXSAVE writes the extended state area.
func (c *VCPU) SetXSAVE(x *XSAVE) error {
	return set(c, reqSetXSAVE, "KVM_SET_XSAVE", x)
}

// XCRs reads the extended control registers (XCR0).
func (c *VCPU) XCRs() (XCRs, error) {
	return get[XCRs](c, reqGetXCRs, "KVM_GET_XCRS")
}

// SetXCRs writes the extended control registers.
func (c *VCPU) SetXCRs(x *XCRs) error {
	return set(c, reqSetXCRs, "KVM_SET_XCRS", x)
}

// Events reads pending exceptions, interrupts and NMIs.
func (c *VCPU) Events() (VCPUEvents, error) {
	return get[VCPUEvents](c, reqGetVCPUEvents, "KVM_GET_VCPU_EVENTS")
}

// SetEvents writes pending exceptions, interrupts and NMIs.
func (c *VCPU) SetEvents(e *VCPUEvents) error {
	return set(c, reqSetVCPUEvents, "KVM_SET_VCPU_EVENTS", e)
}

// MSRs reads the given MSRs in place. KVM stops at the first one it
// cannot read; that is an error here.
func (c *VCPU) MSRs(entries []MSREntry) error {
	return c.msrs(reqGetMSRs, "KVM_GET_MSRS", entries)
}

// SetMSRs writes the given MSRs.
func (c *VCPU) SetMSRs(entries []MSREntry) error {
	return c.msrs(reqSetMSRs, "KVM_SET_MSRS", entries)
}

func (c *VCPU) msrs(req uintptr, name string, entries []MSREntry) error {
	if len(entries) == 0 {
		return nil
	}
	_, n, err := ioctlEntriesN(c.fd, req,
		kvmMSRs{NMSRs: uint32(len(entries))}, entries)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if n != len(entries) {
		return fmt.Errorf("%s: only %d of %d MSRs (stopped at %#x)",
			name, n, len(entries), entries[n].Index)
	}
	return nil
}

// SetCPUID installs the CPUID leaves the guest will see.
func (c *VCPU) SetCPUID(entries []CPUIDEntry) error {
	_, err := ioctlEntries(c.fd, reqSetCPUID2,
		kvmCPUID2{NEnt: uint32(len(entries))}, entries)
	if err != nil {
		return fmt.Errorf("KVM_SET_CPUID2: %w", err)
	}
	return nil
}
