package kvm

// kvmio is the ioctl type byte of every KVM request (KVMIO).
const kvmio = 0xAE

// Requests on the /dev/kvm fd.
const (
	reqGetAPIVersion     = 0xAE00
	reqCreateVM          = 0xAE01
	reqGetMSRIndexList   = 0xC004AE02 // _IOWR, kvmMSRList
	reqCheckExtension    = 0xAE03
	reqGetVCPUMmapSize   = 0xAE04
	reqGetSupportedCPUID = 0xC008AE05 // _IOWR, kvmCPUID2
)

// Requests on a VM fd.
const (
	reqCreateVCPU          = 0xAE41
	reqGetDirtyLog         = 0x4010AE42 // _IOW, kvmDirtyLog
	reqSetUserMemoryRegion = 0x4020AE46 // _IOW, UserMemoryRegion
	reqSetTSSAddr          = 0xAE47
	reqSetIdentityMapAddr  = 0x4008AE48 // _IOW, uint64
	reqEnableCapVM         = 0x4068AEA3 // _IOW, kvmEnableCap
)

// Requests on a vCPU fd.
const (
	reqRun           = 0xAE80
	reqGetRegs       = 0x8090AE81 // _IOR, Regs
	reqSetRegs       = 0x4090AE82 // _IOW, Regs
	reqGetSregs      = 0x8138AE83 // _IOR, Sregs
	reqSetSregs      = 0x4138AE84 // _IOW, Sregs
	reqGetMSRs       = 0xC008AE88 // _IOWR, kvmMSRs header
	reqSetMSRs       = 0x4008AE89 // _IOW, kvmMSRs header
	reqGetFPU        = 0x81A0AE8C // _IOR, FPU
	reqSetFPU        = 0x41A0AE8D // _IOW, FPU
	reqSetCPUID2     = 0x4008AE90 // _IOW, kvmCPUID2 header
	reqGetVCPUEvents = 0x8040AE9F // _IOR, VCPUEvents
	reqSetVCPUEvents = 0x4040AEA0 // _IOW, VCPUEvents
	reqGetDebugRegs  = 0x8080AEA1 // _IOR, DebugRegs
	reqSetDebugRegs  = 0x4080AEA2 // _IOW, DebugRegs
	reqEnableCapVCPU = 0x4068AEA3 // _IOW, kvmEnableCap
	reqGetXSAVE      = 0x9000AEA4 // _IOR, XSAVE
	reqSetXSAVE      = 0x5000AEA5 // _IOW, XSAVE
	reqGetXCRs       = 0x8188AEA6 // _IOR, XCRs
	reqSetXCRs       = 0x4188AEA7 // _IOW, XCRs
)
