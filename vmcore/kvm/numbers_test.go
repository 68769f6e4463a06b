package kvm

import (
	"testing"
	"unsafe"
)

// ioc recomputes _IOC(dir, KVMIO, nr, size) the way the kernel's
// asm-generic/ioctl.h does.
func ioc(dir, nr, size uintptr) uintptr {
	return dir<<30 | size<<16 | kvmio<<8 | nr
}

const (
	none  = 0
	write = 1
	read  = 2
)

func TestIoctlNumbersMatchStructSizes(t *testing.T) {
	cases := []struct {
		name     string
		got      uintptr
		dir, nr  uintptr
		size     uintptr
		wantSize uintptr // the kernel's sizeof, from its headers
	}{
		{"GET_MSR_INDEX_LIST", reqGetMSRIndexList, read | write, 0x02,
			unsafe.Sizeof(kvmMSRList{}), 4},
		{"GET_SUPPORTED_CPUID", reqGetSupportedCPUID, read | write, 0x05,
			unsafe.Sizeof(kvmCPUID2{}), 8},
		{"GET_DIRTY_LOG", reqGetDirtyLog, write, 0x42,
			unsafe.Sizeof(kvmDirtyLog{}), 16},
		{"SET_USER_MEMORY_REGION", reqSetUserMemoryRegion, write, 0x46,
			unsafe.Sizeof(UserMemoryRegion{}), 32},
		{"SET_IDENTITY_MAP_ADDR", reqSetIdentityMapAddr, write, 0x48,
			unsafe.Sizeof(uint64(0)), 8},
		{"ENABLE_CAP", reqEnableCapVM, write, 0xa3,
			unsafe.Sizeof(kvmEnableCap{}), 104},
		{"GET_REGS", reqGetRegs, read, 0x81, unsafe.Sizeof(Regs{}), 144},
		{"SET_REGS", reqSetRegs, write, 0x82, unsafe.Sizeof(Regs{}), 144},
		{"GET_SREGS", reqGetSregs, read, 0x83, unsafe.Sizeof(Sregs{}), 312},
		{"SET_SREGS", reqSetSregs, write, 0x84, unsafe.Sizeof(Sregs{}), 312},
		{"GET_MSRS", reqGetMSRs, read | write, 0x88,
			unsafe.Sizeof(kvmMSRs{}), 8},
		{"SET_MSRS", reqSetMSRs, write, 0x89, unsafe.Sizeof(kvmMSRs{}), 8},
		{"GET_FPU", reqGetFPU, read, 0x8c, unsafe.Sizeof(FPU{}), 416},
		{"SET_FPU", reqSetFPU, write, 0x8d, unsafe.Sizeof(FPU{}), 416},
		{"SET_CPUID2", reqSetCPUID2, write, 0x90,
			unsafe.Sizeof(kvmCPUID2{}), 8},
		{"GET_VCPU_EVENTS", reqGetVCPUEvents, read, 0x9f,
			unsafe.Sizeof(VCPUEvents{}), 64},
		{"SET_VCPU_EVENTS", reqSetVCPUEvents, write, 0xa0,
			unsafe.Sizeof(VCPUEvents{}), 64},
		{"GET_DEBUGREGS", reqGetDebugRegs, read, 0xa1,
			unsafe.Sizeof(DebugRegs{}), 128},
		{"SET_DEBUGREGS", reqSetDebugRegs, write, 0xa2,
			unsafe.Sizeof(DebugRegs{}), 128},
		{"GET_XSAVE", reqGetXSAVE, read, 0xa4, unsafe.Sizeof(XSAVE{}), 4096},
		{"SET_XSAVE", reqSetXSAVE, write, 0xa5, unsafe.Sizeof(XSAVE{}), 4096},
		{"GET_XCRS", reqGetXCRs, read, 0xa6, unsafe.Sizeof(XCRs{}), 392},
		{"SET_XCRS", reqSetXCRs, write, 0xa7, unsafe.Sizeof(XCRs{}), 392},
	}
	for _, c := range cases {
		if c.size != c.wantSize {
			t.Errorf("%s: struct is %d bytes, kernel's is %d",
				c.name, c.size, c.wantSize)
		}
		if want := ioc(c.dir, c.nr, c.size); c.got != want {
			t.Errorf("KVM_%s = %#x, recomputed %#x", c.name, c.got, want)
		}
	}
}

func TestPlainRequests(t *testing.T) {
	plain := map[string]struct{ got, nr uintptr }{
		"GET_API_VERSION":    {reqGetAPIVersion, 0x00},
		"CREATE_VM":          {reqCreateVM, 0x01},
		"CHECK_EXTENSION":    {reqCheckExtension, 0x03},
		"GET_VCPU_MMAP_SIZE": {reqGetVCPUMmapSize, 0x04},
		"CREATE_VCPU":        {reqCreateVCPU, 0x41},
		"SET_TSS_ADDR":       {reqSetTSSAddr, 0x47},
		"RUN":                {reqRun, 0x80},
	}
	for name, p := range plain {
		if want := ioc(none, p.nr, 0); p.got != want {
			t.Errorf("KVM_%s = %#x, recomputed %#x", name, p.got, want)
		}
	}
}

func TestEntrySizes(t *testing.T) {
	if s := unsafe.Sizeof(MSREntry{}); s != 16 {
		t.Errorf("kvm_msr_entry is 16 bytes, mirror is %d", s)
	}
	if s := unsafe.Sizeof(CPUIDEntry{}); s != 40 {
		t.Errorf("kvm_cpuid_entry2 is 40 bytes, mirror is %d", s)
	}
	if s := unsafe.Sizeof(Segment{}); s != 24 {
		t.Errorf("kvm_segment is 24 bytes, mirror is %d", s)
	}
	if runSyncSregs+int(unsafe.Sizeof(Sregs{})) > 304+2048 {
		t.Error("sync regs overflow kvm_run.s")
	}
}
