package kvm

import (
	"encoding/binary"
	"unsafe"
)

// The kvm_run page is shared with the kernel; these accessors read
// and write its fields in place.

func (c *VCPU) runWord32(off int) uint32 {
	return *(*uint32)(unsafe.Pointer(&c.run[off]))
}

// ExitReason is why the last Run returned.
func (c *VCPU) ExitReason() ExitReason {
	return ExitReason(c.runWord32(runExitReason))
}

// SetImmediateExit sets or clears kvm_run.immediate_exit: while set,
// KVM_RUN returns at once with EINTR. Another thread may set it to
// stop the vCPU.
func (c *VCPU) SetImmediateExit(on bool) {
	p := (*uint8)(unsafe.Pointer(&c.run[runImmediateExit]))
	if on {
		*p = 1
	} else {
		*p = 0
	}
}

// IOExit describes an ExitIO: the port, direction and the bytes the
// guest wrote (or room for the bytes it reads).
type IOExit struct {
	Direction uint8
	Size      uint8
	Port      uint16
	Count     uint32
	Data      []byte
}

// IO decodes the exit union as kvm_run.io.
func (c *VCPU) IO() IOExit {
	u := c.run[runExit:]
	e := IOExit{
		Direction: u[0],
		Size:      u[1],
		Port:      binary.LittleEndian.Uint16(u[2:]),
		Count:     binary.LittleEndian.Uint32(u[4:]),
	}
	off := binary.LittleEndian.Uint64(u[8:])
	n := int(e.Size) * int(e.Count)
	if off < uint64(len(c.run)) && int(off)+n <= len(c.run) {
		e.Data = c.run[off : int(off)+n]
	}
	return e
}

// MMIOAddr is the guest-physical address of an ExitMMIO.
func (c *VCPU) MMIOAddr() uint64 {
	return binary.LittleEndian.Uint64(c.run[runExit:])
}

// ExitWords returns the first words of the exit union, for reporting
// internal errors and failed entries.
func (c *VCPU) ExitWords(n int) []uint64 {
	w := make([]uint64, n)
	for i := range w {
		w[i] = binary.LittleEndian.Uint64(c.run[runExit+8*i:])
	}
	return w
}

// SetValidRegs sets kvm_valid_regs: the register sets KVM copies into
// kvm_run at every exit.
func (c *VCPU) SetValidRegs(bits uint64) {
	*(*uint64)(unsafe.Pointer(&c.run[runValidRegs])) = bits
}

// SetDirtyRegs sets kvm_dirty_regs: the register sets KVM loads from
// kvm_run at the next entry, instead of separate ioctls.
func (c *VCPU) SetDirtyRegs(bits uint64) {
	*(*uint64)(unsafe.Pointer(&c.run[runDirtyRegs])) = bits
}

// SyncRegs is kvm_run.s.regs.regs, valid after an exit when
// SyncRegs is in the valid set.
func (c *VCPU) SyncRegs() *Regs {
	return (*Regs)(unsafe.Pointer(&c.run[runSyncRegs]))
}

// SyncSregs is kvm_run.s.regs.sregs.
func (c *VCPU) SyncSregs() *Sregs {
	return (*Sregs)(unsafe.Pointer(&c.run[runSyncSregs]))
}
