package kvm

// Regs mirrors struct kvm_regs.
type Regs struct {
	RAX, RBX, RCX, RDX, RSI, RDI, RSP, RBP uint64
	R8, R9, R10, R11, R12, R13, R14, R15   uint64
	RIP, RFLAGS                            uint64
}

// Segment mirrors struct kvm_segment.
type Segment struct {
	Base     uint64
	Limit    uint32
	Selector uint16
	Type     uint8
	Present  uint8
	DPL      uint8
	DB       uint8
	S        uint8
	L        uint8
	G        uint8
	AVL      uint8
	Unusable uint8
	_        uint8
}

// DTable mirrors struct kvm_dtable.
type DTable struct {
	Base  uint64
	Limit uint16
	_     [3]uint16
}

// Sregs mirrors struct kvm_sregs.
type Sregs struct {
	CS, DS, ES, FS, GS, SS Segment
	TR, LDT                Segment
	GDT, IDT               DTable
	CR0, CR2, CR3, CR4     uint64
	CR8, EFER, APICBase    uint64
	InterruptBitmap        [4]uint64
}

// FPU mirrors struct kvm_fpu.
type FPU struct {
	FPR        [8][16]uint8
	FCW        uint16
	FSW        uint16
	FTWX       uint8
	_          uint8
	LastOpcode uint16
	LastIP     uint64
	LastDP     uint64
	XMM        [16][16]uint8
	MXCSR      uint32
	_          uint32
}

// DebugRegs mirrors struct kvm_debugregs.
type DebugRegs struct {
	DB    [4]uint64
	DR6   uint64
	DR7   uint64
	Flags uint64
	_     [9]uint64
}

// XSAVE mirrors struct kvm_xsave without its flexible tail: the 4 KiB
// region KVM_GET_XSAVE and KVM_SET_XSAVE move.
type XSAVE struct {
	Region [1024]uint32
}

// XCR mirrors struct kvm_xcr.
type XCR struct {
	XCR   uint32
	_     uint32
	Value uint64
}

// XCRs mirrors struct kvm_xcrs.
type XCRs struct {
	NrXCRs uint32
	Flags  uint32
	XCRs   [16]XCR
	_      [16]uint64
}

// VCPUEvents mirrors struct kvm_vcpu_events: pending exceptions,
// interrupts and NMIs. Only the fields the core resets are named.
type VCPUEvents struct {
	Exception [8]uint8
	Interrupt [4]uint8
	NMI       [4]uint8
	SIPI      uint32
	Flags     uint32
	SMI       [4]uint8
	_         [36]uint8
}

// MSREntry mirrors struct kvm_msr_entry.
type MSREntry struct {
	Index uint32
	_     uint32
	Data  uint64
}

// kvmMSRs mirrors the fixed head of struct kvm_msrs.
type kvmMSRs struct {
	NMSRs uint32
	_     uint32
}

// kvmMSRList mirrors the fixed head of struct kvm_msr_list.
type kvmMSRList struct {
	NMSRs uint32
}

// CPUIDEntry mirrors struct kvm_cpuid_entry2.
type CPUIDEntry struct {
	Function uint32
	Index    uint32
	Flags    uint32
	EAX      uint32
	EBX      uint32
	ECX      uint32
	EDX      uint32
	_        [3]uint32
}

// kvmCPUID2 mirrors the fixed head of struct kvm_cpuid2.
type kvmCPUID2 struct {
	NEnt uint32
	_    uint32
}

// UserMemoryRegion mirrors struct kvm_userspace_memory_region.
type UserMemoryRegion struct {
	Slot          uint32
	Flags         uint32
	GuestPhysAddr uint64
	MemorySize    uint64
	UserspaceAddr uint64
}

// kvmDirtyLog mirrors struct kvm_dirty_log.
type kvmDirtyLog struct {
	Slot   uint32
	_      uint32
	Bitmap uint64
}

// kvmEnableCap mirrors struct kvm_enable_cap.
type kvmEnableCap struct {
	Cap   uint32
	Flags uint32
	Args  [4]uint64
	_     [64]uint8
}

// Offsets into struct kvm_run, the page KVM shares with each vCPU.
const (
	runImmediateExit = 1
	runExitReason    = 8
	runExit          = 32  // the exit union
	runValidRegs     = 288 // kvm_valid_regs
	runDirtyRegs     = 296 // kvm_dirty_regs
	runSyncRegs      = 304 // struct kvm_sync_regs: regs, sregs, events
	runSyncSregs     = runSyncRegs + 144
)
