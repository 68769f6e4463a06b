package kvm

// APIVersion is the only KVM API version the kernel has ever offered.
const APIVersion = 12

// Capabilities for CheckExtension.
const (
	CapNrMemslots    = 10
	CapReadonlyMem   = 31
	CapDebugRegs     = 50
	CapXSAVE         = 55
	CapXCRs          = 56
	CapSyncRegs      = 74
	CapImmediateExit = 136
)

// Memory region flags.
const (
	MemLogDirtyPages = 1 << 0
	MemReadonly      = 1 << 1
)

// Sync-register set bits, for kvm_valid_regs and kvm_dirty_regs.
const (
	SyncRegs   = 1 << 0
	SyncSregs  = 1 << 1
	SyncEvents = 1 << 2
)

// ExitReason is why KVM_RUN returned.
type ExitReason uint32

// Exit reasons the core handles.
const (
	ExitUnknown       ExitReason = 0
	ExitException     ExitReason = 1
	ExitIO            ExitReason = 2
	ExitHypercall     ExitReason = 3
	ExitDebug         ExitReason = 4
	ExitHLT           ExitReason = 5
	ExitMMIO          ExitReason = 6
	ExitShutdown      ExitReason = 8
	ExitFailEntry     ExitReason = 9
	ExitIntr          ExitReason = 10
	ExitInternalError ExitReason = 17
)

var exitNames = map[ExitReason]string{
	ExitUnknown: "unknown", ExitException: "exception", ExitIO: "io",
	ExitHypercall: "hypercall", ExitDebug: "debug", ExitHLT: "hlt",
	ExitMMIO: "mmio", ExitShutdown: "shutdown",
	ExitFailEntry: "fail_entry", ExitIntr: "intr",
	ExitInternalError: "internal_error",
}

func (r ExitReason) String() string {
	if n, ok := exitNames[r]; ok {
		return n
	}
	return "exit#" + itoa(uint64(r))
}

func itoa(n uint64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// IO directions in an ExitIO.
const (
	IOIn  = 0
	IOOut = 1
)
