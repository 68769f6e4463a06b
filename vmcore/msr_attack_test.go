package vmcore_test

import (
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

// msrProbe is an MSR a CPL0 guest may write, a value to write, and
// how to tell the value survived (TSC counts on from what was written).
type msrProbe struct {
	name  string
	index uint64
	value uint64
	grows bool
}

var msrProbes = []msrProbe{
	{"KERNEL_GS_BASE (restored: control)", 0xC0000102, 0xdead0000, false},
	{"TSC_AUX", 0xC0000103, 0x4141, false},
	{"IA32_PAT", 0x277, 0x0606060606060606, false},
	{"IA32_TSC", 0x10, 0x4141_0000_0000_0000, true},
	{"IA32_TSC_ADJUST", 0x3b, 0x4141_0000_0000, false},
	{"IA32_SPEC_CTRL", 0x48, 1, false},
	{"IA32_MISC_ENABLE", 0x1a0, 0x1, false},
	{"IA32_MTRR_DEF_TYPE", 0x2ff, 0xc06, false},
	{"IA32_MTRR_FIX64K_00000", 0x250, 0x0606060606060606, false},
	{"IA32_MTRR_PHYSBASE0", 0x200, 0x80000006, false},
	{"IA32_DEBUGCTL", 0x1d9, 0x1, false},
	{"IA32_MCG_STATUS", 0x17a, 0x1, false},
	{"IA32_MC0_STATUS", 0x401, 0, false},
	{"MISC_FEATURES_ENABLES", 0x140, 0x1, false},
	{"IA32_XSS", 0xda0, 0x100, false},
	{"FS_BASE (in sregs: control)", 0xC0000100, 0x7f0000, false},
	{"IA32_PMC0", 0xc1, 0x4141, true},
	{"IA32_PERFEVTSEL0", 0x186, 0x43003c, false},
	{"IA32_FIXED_CTR_CTRL", 0x38d, 0x3, false},
	{"IA32_PERF_GLOBAL_CTRL", 0x38f, 0x1, false},
	{"IA32_MCG_CTL", 0x17b, 0, false},
	{"IA32_MC0_CTL", 0x400, 0x1, false},
	{"IA32_UCODE_REV", 0x8b, 0x4100000000, false},
	{"IA32_MTRR_PHYSMASK0", 0x201, 0xfff0000800, false},
	{"IA32_MTRR_FIX4K_C0000", 0x268, 0x0606060606060606, false},
	{"KVM_SYSTEM_TIME_NEW", 0x4b564d01, 0, false}, // value set below
	{"KVM_STEAL_TIME", 0x4b564d03, 0, false},      // value set below
}

// TestAttackMSRLeakAcrossRestore: a guest at CPL0 writes MSRs that
// restore does not put back (restore writes only the snapshot's list,
// eight MSRs, see msrsGuestMayWrite), and the next tenant restored
// into the same sandbox reads them. DESIGN §2 lists MSRs among the
// state that must not leak; abi.h even names TSC_AUX as an MSR "the
// guest may write", yet restore never resets it.
func TestAttackMSRLeakAcrossRestore(t *testing.T) {
	img := evilImage(t)
	var leaked []string
	for _, p := range msrProbes {
		// A fresh sandbox per MSR, so that one probe's side effects
		// (a TSC write moves TSC_ADJUST) do not show up in another.
		s := newSandbox(t, vmcore.Config{Image: img})
		sn := snapshot(t, s)
		l := s.Layout()
		// A free scratch page well above the allocator cursor: no
		// fresh guest call touches it.
		freePage := l.ScratchBase() + l.BookkeepingOffset() - 8*4096
		v := p.value
		switch p.index {
		case 0x4b564d01, 0x4b564d03:
			v = freePage | 1
		}
		before, err := evTry(s, evRdmsr, p.index)
		if err != nil {
			t.Logf("%s: rdmsr faults (%v); skipped", p.name, err)
			continue
		}
		if _, err := evTry(s, evWrmsr, p.index, v); err != nil {
			t.Logf("%s: wrmsr %#x faults (%v); skipped", p.name, v, err)
			continue
		}
		got, _ := evTry(s, evRdmsr, p.index)
		restore(t, s, sn)
		after, err := evTry(s, evRdmsr, p.index)
		if err != nil {
			t.Fatalf("%s: rdmsr after restore: %v", p.name, err)
		}
		leak := after == got && got != before
		if p.grows {
			leak = after >= v && before < v
		}
		t.Logf("%-36s before %#x wrote %#x read %#x after restore %#x leak=%v",
			p.name, before, v, got, after, leak)
		if leak {
			leaked = append(leaked, p.name)
		}
	}
	if len(leaked) > 0 {
		t.Errorf("MSR values written by the previous tenant survive "+
			"restore: %v", leaked)
	}
}

// TestAttackKVMClockWritesIntoNextTenant: the guest points KVM's
// paravirtual clock (MSR_KVM_SYSTEM_TIME_NEW) or steal-time area at a
// scratch page; restore does not reset those MSRs, so KVM keeps
// writing into the next tenant's scratch, which restore just zeroed.
func TestAttackKVMClockWritesIntoNextTenant(t *testing.T) {
	img := evilImage(t)
	for _, m := range []struct {
		name  string
		index uint64
	}{{"kvmclock", 0x4b564d01}, {"steal-time", 0x4b564d03}} {
		t.Run(m.name, func(t *testing.T) {
			s := newSandbox(t, vmcore.Config{Image: img})
			sn := snapshot(t, s)
			l := s.Layout()
			page := l.ScratchBase() + l.BookkeepingOffset() - 8*4096
			if n := evCall(t, s, evNonzero, page, page+4096); n != 0 {
				t.Fatalf("page %#x not zero before the attack", page)
			}
			if _, err := evTry(s, evWrmsr, m.index, page|1); err != nil {
				t.Skipf("wrmsr %#x refused: %v", m.index, err)
			}
			restore(t, s, sn)
			// The next tenant: a few ordinary calls.
			for range 3 {
				if _, err := s.Echo([]byte("tenant B")); err != nil {
					t.Fatal(err)
				}
			}
			n := evCall(t, s, evNonzero, page, page+4096)
			msr := evCall(t, s, evRdmsr, m.index)
			t.Logf("after restore: MSR %#x = %#x, %d non-zero words "+
				"in scratch page %#x", m.index, msr, n, page)
			if msr != 0 || n != 0 {
				t.Errorf("%s survives restore: MSR %#x = %#x; KVM wrote "+
					"%d non-zero words into the next tenant's zeroed "+
					"scratch page %#x", m.name, m.index, msr, n, page)
			}
		})
	}
}

// TestAttackStealTimeCorruptsRestoredHeap: with the techniques that
// map the snapshot region writable (copy, dirty, host-cow), KVM can
// write into it on the guest's behalf. A guest that points the
// steal-time MSR at a heap page leaves KVM writing that page after
// every later restore: the next tenant's heap does not read back as
// the snapshot it was restored to.
func TestAttackStealTimeCorruptsRestoredHeap(t *testing.T) {
	img := evilImage(t)
	for _, tech := range []vmcore.Technique{vmcore.GuestCoW, vmcore.Copy,
		vmcore.Dirty, vmcore.HostCoW} {
		t.Run(tech.String(), func(t *testing.T) {
			s := newSandbox(t, vmcore.Config{Image: img, Technique: tech})
			l := s.Layout()
			want, _ := s.Checksum(0, l.HeapSize)
			sn := snapshot(t, s)
			heapPage := layout.SnapshotBase + l.HeapOffset() + 4*4096
			if _, err := evTry(s, evWrmsr, 0x4b564d03, heapPage|1); err != nil {
				t.Skipf("steal-time MSR refused: %v", err)
			}
			for round := range 3 {
				restore(t, s, sn)
				s.Echo([]byte("tenant B"))
				got, err := s.Checksum(0, l.HeapSize)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("round %d: heap checksum %#x right after "+
						"restore, snapshot has %#x: KVM wrote steal-time "+
						"data into the restored snapshot region", round,
						got, want)
					return
				}
			}
		})
	}
}
