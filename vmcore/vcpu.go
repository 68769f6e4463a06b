package vmcore

import (
	"fmt"
	"sync"

	"snaplab/vmcore/kvm"
)

// Control-register and EFER bits for long mode.
const (
	cr0PE = 1 << 0
	cr0MP = 1 << 1
	cr0ET = 1 << 4
	cr0NE = 1 << 5
	cr0WP = 1 << 16
	cr0PG = 1 << 31

	cr4PAE        = 1 << 5
	cr4OSFXSR     = 1 << 9
	cr4OSXMMEXCPT = 1 << 10
	cr4OSXSAVE    = 1 << 18

	eferLME = 1 << 8
	eferLMA = 1 << 10
	eferNXE = 1 << 11

	rflagsReserved = 1 << 1
)

// msrTSC is left out of the MSRs restore puts back: the time stamp
// counter moves on by design, and setting it back would make guest
// time run backwards. (TSC_ADJUST, which a guest write to the TSC
// moves, is put back.)
const msrTSC = 0x10

// cleanState is the register state a vCPU has right after creation
// and setup, before the guest ran: what restore resets debug, FPU,
// XSAVE and XCR0 to.
type cleanState struct {
	debug kvm.DebugRegs
	msrs  []kvm.MSREntry // every MSR restore resets, as created
	xsave kvm.XSAVE
	xcrs  kvm.XCRs
	// byXSAVE: FPU state is reset with KVM_SET_XSAVE. KVM_SET_FPU
	// would not do: it ignores MXCSR, which then leaks.
	byXSAVE bool
	// withXCRs: the guest has XSAVE in its CPUID, so XCR0 is its to
	// change and restore resets it too.
	withXCRs bool
}

// longModeSregs returns special registers for 64-bit mode with paging
// rooted at cr3, flat segments and the guest's GDT selectors.
func longModeSregs(base kvm.Sregs, cr3 uint64, xsave bool) kvm.Sregs {
	s := base
	code := kvm.Segment{Base: 0, Limit: 0xffffffff, Selector: 0x08,
		Type: 11, Present: 1, S: 1, L: 1, G: 1}
	data := kvm.Segment{Base: 0, Limit: 0xffffffff, Selector: 0x10,
		Type: 3, Present: 1, S: 1, DB: 1, G: 1}
	s.CS = code
	s.DS, s.ES, s.FS, s.GS, s.SS = data, data, data, data, data
	s.CR0 = cr0PE | cr0MP | cr0ET | cr0NE | cr0WP | cr0PG
	s.CR4 = cr4PAE | cr4OSFXSR | cr4OSXMMEXCPT
	if xsave {
		s.CR4 |= cr4OSXSAVE
	}
	s.CR3 = cr3
	s.EFER = eferLME | eferLMA | eferNXE
	return s
}

// cpuHasXSAVE reports whether the CPUID KVM offers has XSAVE.
func cpuHasXSAVE(entries []kvm.CPUIDEntry) bool {
	for _, e := range entries {
		if e.Function == 1 {
			return e.ECX&(1<<26) != 0
		}
	}
	return false
}

// setupVCPU gives a new vCPU its CPUID and captures its clean state.
// Where the guest has XSAVE, XCR0 starts with x87 and SSE enabled.
func setupVCPU(sys *kvm.System, c *kvm.VCPU) (cleanState, error) {
	var cs cleanState
	cpuid, err := sys.SupportedCPUID()
	if err != nil {
		return cs, err
	}
	if err := c.SetCPUID(cpuid); err != nil {
		return cs, err
	}
	if cs.debug, err = c.DebugRegs(); err != nil {
		return cs, err
	}
	cs.withXCRs = cpuHasXSAVE(cpuid) && sys.CheckExtension(kvm.CapXCRs) > 0
	if cs.withXCRs {
		x := kvm.XCRs{NrXCRs: 1}
		x.XCRs[0] = kvm.XCR{XCR: 0, Value: 0x3}
		if err := c.SetXCRs(&x); err != nil {
			return cs, err
		}
		if cs.xcrs, err = c.XCRs(); err != nil {
			return cs, err
		}
	}
	cs.byXSAVE = sys.CheckExtension(kvm.CapXSAVE) > 0
	if cs.byXSAVE {
		if cs.xsave, err = c.XSAVE(); err != nil {
			return cs, err
		}
	}
	return cs, nil
}

// readMSRs returns the current values of the MSRs restore resets.
func readMSRs(c *kvm.VCPU, list []uint32) ([]kvm.MSREntry, error) {
	e := make([]kvm.MSREntry, len(list))
	for i, idx := range list {
		e[i].Index = idx
	}
	if err := c.MSRs(e); err != nil {
		return nil, fmt.Errorf("read guest MSRs: %w", err)
	}
	return e, nil
}

var (
	msrOnce sync.Once
	msrList []uint32
)

// msrsNotListed are MSRs KVM emulates for a guest without naming
// them in KVM_GET_MSR_INDEX_LIST: the MTRRs (variable pairs, fixed
// ranges, default type), SPEC_CTRL, TSC_AUX, XSS and the first
// machine-check banks. Those a vCPU cannot read and write are dropped
// like any other.
//
// TODO: an MSR that KVM emulates but neither lists nor appears here
// is not reset by restore; a guest that writes one leaks it to the
// next tenant. Closing that for good takes KVM_X86_SET_MSR_FILTER,
// denying the guest every MSR outside the reset list.
func msrsNotListed() []uint32 {
	l := []uint32{0x2ff, 0x250, 0x258, 0x259, 0x48, 0xC0000103, 0xDA0}
	for i := uint32(0x200); i < 0x220; i++ {
		l = append(l, i)
	}
	for i := uint32(0x268); i < 0x270; i++ {
		l = append(l, i)
	}
	for i := uint32(0x400); i < 0x420; i++ {
		l = append(l, i)
	}
	return l
}

// guestMSRs lists the MSRs restore puts back: every MSR KVM saves for
// a guest (KVM_GET_MSR_INDEX_LIST), and those of msrsNotListed, that a
// vCPU can both read and write from userspace, except the TSC. A CPL0 guest can write any of them;
// the paravirtual clock MSRs among them even make KVM write guest
// memory, so none may outlive a restore. The list is a property of the
// host, found once with the first vCPU.
func guestMSRs(sys *kvm.System, c *kvm.VCPU) []uint32 {
	msrOnce.Do(func() {
		idx, err := sys.MSRIndexList()
		if err != nil {
			return
		}
		seen := map[uint32]bool{msrTSC: true}
		for _, i := range append(idx, msrsNotListed()...) {
			if seen[i] {
				continue
			}
			seen[i] = true
			e := []kvm.MSREntry{{Index: i}}
			if c.MSRs(e) == nil && c.SetMSRs(e) == nil {
				msrList = append(msrList, i)
			}
		}
	})
	return msrList
}
