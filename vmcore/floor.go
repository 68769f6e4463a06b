package vmcore

import (
	"fmt"
	"time"

	"golang.org/x/sys/unix"

	"snaplab/vmcore/kvm"
)

// FloorRestore issues the bare kernel and memory operations a
// same-layout restore of sn needs, and nothing else: no admission,
// validity or host-function check, no status bookkeeping, no step
// timing. It drops scratch with one madvise, writes the bookkeeping
// words, copies the PT tail, stages the special registers, and sets
// the debug registers, XSAVE area, XCR0 where the guest has it, and
// MSRs. Benchmarks quote Restore as a ratio to it.
//
// sn must be the snapshot whose blob is mapped now, with the
// sandbox's own layout; the returned duration is measured on the
// vCPU thread, like RestoreTiming.Total.
func (s *Sandbox) FloorRestore(sn *Snapshot) (time.Duration, error) {
	var d time.Duration
	err := s.exec(func() error {
		switch {
		case s.getStatus() == Closed || s.getStatus() == Unrecoverable:
			return s.usable()
		case s.tech != GuestCoW:
			return fmt.Errorf("floor restore: only for %v, not %v",
				GuestCoW, s.tech)
		case sn.hold == nil || s.mapped != sn.hold.blob ||
			s.layout != sn.Layout:
			return fmt.Errorf("floor restore: snapshot is not the " +
				"mapped one with this sandbox's layout")
		}
		start := time.Now()
		err := s.floorOnThread(sn)
		d = time.Since(start)
		return err
	})
	return d, err
}

func (s *Sandbox) floorOnThread(sn *Snapshot) error {
	if err := unix.Madvise(s.scratch.mem, unix.MADV_DONTNEED); err != nil {
		return err
	}
	s.scratch.prepare(sn.Layout, s.pt, sn.Generation)
	sregs := sn.Sregs
	sregs.CR3 = sn.Layout.ScratchBase() + sn.Layout.PTOffset()
	if s.syncRegs {
		*s.vcpu.SyncSregs() = sregs
		s.stagedSregs = true
	} else if err := s.vcpu.SetSregs(&sregs); err != nil {
		return err
	}
	if err := s.vcpu.SetDebugRegs(&s.clean.debug); err != nil {
		return err
	}
	if err := s.vcpu.SetXSAVE(&s.clean.xsave); err != nil {
		return err
	}
	if s.clean.withXCRs {
		if err := s.vcpu.SetXCRs(&s.clean.xcrs); err != nil {
			return err
		}
	}
	msrs := append([]kvm.MSREntry(nil), sn.MSRs...)
	if err := s.vcpu.SetMSRs(msrs); err != nil {
		return err
	}
	s.flushTLB = true
	s.setStatus(Ready)
	return nil
}
