package vmcore

import (
	"fmt"
	"time"

	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// Restore brings the sandbox back to snapshot sn under strategy st,
// following the steps in the package documentation. Admission
// failures change nothing; see Status for what other failures leave.
func (s *Sandbox) Restore(sn *Snapshot, st Strategy) error {
	err := s.exec(func() error {
		switch s.getStatus() {
		case Closed:
			return ErrClosed
		case Unrecoverable:
			return ErrUnrecoverable
		}
		b := sn.pin()
		if b == nil {
			return fmt.Errorf("%w: snapshot released", ErrInvalidSnapshot)
		}
		defer b.release()
		return s.restoreOnThread(sn, b, st)
	})
	if err != nil {
		return fmt.Errorf("restore (%s): %w", st.Name(), err)
	}
	return nil
}

func (s *Sandbox) restoreOnThread(sn *Snapshot, b *blob, st Strategy) error {
	var t RestoreTiming
	start := time.Now()
	mark := start
	lap := func(d *time.Duration) {
		now := time.Now()
		*d = now.Sub(mark)
		mark = now
	}
	defer func() {
		t.Total = time.Since(start)
		s.last = t
	}()

	// Step 1: checks. Nothing has changed if any of them fails.
	if err := st.Admit(s.layout, sn.Layout); err != nil {
		return err
	}
	if err := sn.Validate(); err != nil {
		return err
	}
	if err := checkHostFunctions(sn.HostFunctions, s.hostFns); err != nil {
		return err
	}
	msrs, err := s.msrsFor(sn)
	if err != nil {
		return err
	}
	lap(&t.Admit)

	// Step 2, in the safe order: dynamic regions go first.
	if st.UnmapDynamicFirst() {
		n, err := s.unmapAllDynamic()
		t.DynamicFreed = n
		if err != nil {
			s.setStatus(Poisoned)
			return fmt.Errorf("unmap dynamic regions: %w", err)
		}
		lap(&t.UnmapDynamic)
	}

	// Step 3: memory. A failure here loses the guest's memory.
	if err := s.swapMemory(sn, b, &t, lap); err != nil {
		s.setStatus(Unrecoverable)
		return err
	}

	// Step 4: the vCPU.
	wasPoisoned := s.getStatus() == Poisoned
	if err := s.resetVCPU(sn, msrs, wasPoisoned); err != nil {
		s.setStatus(Poisoned)
		return fmt.Errorf("reset vCPU: %w", err)
	}
	lap(&t.VCPU)

	// The older order unmaps dynamic regions only now.
	if !st.UnmapDynamicFirst() {
		n, err := s.unmapAllDynamic()
		t.DynamicFreed = n
		if err != nil {
			s.setStatus(Poisoned)
			return fmt.Errorf("unmap dynamic regions: %w", err)
		}
		lap(&t.UnmapDynamic)
	}

	// Step 5.
	s.entry, s.stackTop = sn.Entry, sn.StackTop
	s.generation = sn.Generation
	s.flushTLB = true
	s.setStatus(Ready)
	return nil
}

// swapMemory makes both base regions hold sn's memory and layout.
func (s *Sandbox) swapMemory(sn *Snapshot, b *blob, t *RestoreTiming,
	lap func(*time.Duration)) error {
	l := sn.Layout
	if s.mapped != b || s.layout.SnapshotSize != l.SnapshotSize {
		if err := s.unmapSnapshotSlot(); err != nil {
			return fmt.Errorf("unmap snapshot slot: %w", err)
		}
		if err := s.mapSnapshotSlot(b, l); err != nil {
			return fmt.Errorf("map snapshot slot: %w", err)
		}
		t.Remapped = true
		lap(&t.Remap)
	} else if s.tech.writable() {
		lap(&t.Remap)
		if err := s.region.reset(s.vm, b); err != nil {
			return fmt.Errorf("reset snapshot region: %w", err)
		}
		lap(&t.Region)
	} else {
		lap(&t.Remap)
	}

	if l.ScratchSize == s.layout.ScratchSize {
		if err := s.scratch.reset(s.reset); err != nil {
			return err
		}
	} else {
		if err := s.replaceScratch(l); err != nil {
			return err
		}
		t.Reallocated = true
	}
	lap(&t.Reset)

	s.layout = l
	s.scratch.prepare(l, s.pt, sn.Generation)
	lap(&t.PT)
	return nil
}

// replaceScratch swaps in a fresh scratch of the new size.
func (s *Sandbox) replaceScratch(l layout.Layout) error {
	if err := s.inject("alloc-scratch"); err != nil {
		return fmt.Errorf("allocate scratch: %w", err)
	}
	fresh, err := newScratch(l.ScratchSize)
	if err != nil {
		return err
	}
	if err := s.unmapScratchSlot(); err != nil {
		fresh.free()
		return fmt.Errorf("unmap scratch slot: %w", err)
	}
	if err := s.mapScratchSlot(fresh, l); err != nil {
		fresh.free()
		return fmt.Errorf("map scratch slot: %w", err)
	}
	s.scratch.free()
	s.scratch = fresh
	return nil
}

// resetVCPU puts every register the guest can reach back: general
// registers are set afresh by the next call; special registers come
// from the snapshot with CR3 at the new PT copy; debug, XSAVE and XCR0
// go back to the clean state; MSRs to the snapshot's values.
func (s *Sandbox) resetVCPU(sn *Snapshot, msrs []kvm.MSREntry,
	poisoned bool) error {
	if err := s.inject("vcpu-regs"); err != nil {
		return err
	}
	sregs := sn.Sregs
	sregs.CR3 = sn.Layout.ScratchBase() + sn.Layout.PTOffset()
	if err := s.inject("vcpu-sregs"); err != nil {
		return err
	}
	if s.syncRegs {
		*s.vcpu.SyncSregs() = sregs
		s.stagedSregs = true
	} else if err := s.vcpu.SetSregs(&sregs); err != nil {
		return err
	}

	if err := s.inject("vcpu-debugregs"); err != nil {
		return err
	}
	if err := s.vcpu.SetDebugRegs(&s.clean.debug); err != nil {
		return err
	}
	if err := s.inject("vcpu-xsave"); err != nil {
		return err
	}
	if s.clean.byXSAVE {
		if err := s.vcpu.SetXSAVE(&s.clean.xsave); err != nil {
			return err
		}
	} else {
		// TODO: without KVM_CAP_XSAVE, KVM_SET_FPU resets x87 and
		// XMM registers but not MXCSR, so MXCSR leaks across a
		// restore; the only fix is running a guest stub that loads
		// it, which costs a KVM_RUN.
		f := kvm.FPU{FCW: 0x37f, MXCSR: 0x1f80}
		if err := s.vcpu.SetFPU(&f); err != nil {
			return err
		}
	}
	if s.clean.withXCRs {
		if err := s.inject("vcpu-xcrs"); err != nil {
			return err
		}
		if err := s.vcpu.SetXCRs(&s.clean.xcrs); err != nil {
			return err
		}
	}

	if err := s.inject("vcpu-msrs"); err != nil {
		return err
	}
	if err := s.vcpu.SetMSRs(msrs); err != nil {
		return err
	}
	if poisoned {
		var ev kvm.VCPUEvents
		if err := s.vcpu.SetEvents(&ev); err != nil {
			return err
		}
	}
	return nil
}
