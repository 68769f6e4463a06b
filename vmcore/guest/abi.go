package guest

// The constants below mirror src/abi.h one for one; TestABIMatches
// parses that file and compares.

// PageSize and PhysTop as the guest knows them.
const (
	PageSize = 4096
	PhysTop  = 0x1000000000
)

// Ports the guest writes to leave the VM.
const (
	PortDone     = 0xE0
	PortHostcall = 0xE1
	PortFault    = 0xE2
)

// Function numbers a call names in its input header.
const (
	FnEcho      = 1
	FnTouch     = 2
	FnChecksum  = 3
	FnLayout    = 4
	FnAlloc     = 5
	FnCallHost  = 6
	FnSpin      = 7
	FnFault     = 8
	FnFill      = 9
	FnScan      = 10
	FnDirtyRegs = 11
	FnReadRegs  = 12
)

// Status words the guest leaves in its output header.
const (
	StOK          = 0
	StReady       = 1
	StBadFunction = 2
	StBadArgument = 3
	StTooBig      = 4
	StNoMemory    = 5
	StFault       = 6
	StHostError   = 7
)

// Input header offsets.
const (
	InFunction   = 0
	InNArgs      = 8
	InArgs       = 16
	InPayloadLen = 80
	InPayload    = 128
	MaxArgs      = 8
)

// Output header offsets.
const (
	OutStatus     = 0
	OutResult     = 8
	OutPayloadLen = 16
	OutWords      = 24
	OutPayload    = 128
	HeaderSize    = 128
)

// Host call frame offsets, in the output buffer.
const (
	HCNArgs   = 8
	HCArgs    = 16
	HCNameLen = 80
	HCName    = 128
)

// PEB field offsets and its magic word.
const (
	PEBMagic        = 0
	PEBCodeSize     = 8
	PEBHeapBase     = 16
	PEBHeapSize     = 24
	PEBInitBase     = 32
	PEBInitSize     = 40
	PEBInitPerms    = 48
	PEBInputOffset  = 56
	PEBInputSize    = 64
	PEBOutputOffset = 72
	PEBOutputSize   = 80
	PEBSnapshotBase = 88
	PEBSnapshotSize = 96
	PEBMagicValue   = 0x31424550504e5301
)

// Bookkeeping word addresses, counted down from PhysTop.
const (
	BKScratchSize = PhysTop - 8
	BKAllocCursor = PhysTop - 16
	BKPTGPA       = PhysTop - 24
	BKGeneration  = PhysTop - 32
	BKAllocLimit  = PhysTop - 40
	BKCowCount    = PhysTop - 48
	BKFaultDepth  = PhysTop - 56
	BKPEB         = PhysTop - 64
)

// Page-table entry bits.
const (
	PTEPresent = 0x1
	PTEWrite   = 0x2
	PTECow     = 0x200
	PTENX      = 0x8000000000000000
	PTEAddr    = 0x000ffffffffff000
)

// Init data permission bits as the PEB records them.
const (
	PermRead  = 1
	PermWrite = 2
	PermExec  = 4
)

// FlagFlushTLB asks the guest to flush its TLB before the call.
const FlagFlushTLB = 1

// MSRs the guest may write; restore puts them back.
const (
	MSRKernelGSBase = 0xC0000102
	MSRTSCAux       = 0xC0000103
)
