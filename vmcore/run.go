package vmcore

import (
	"encoding/binary"
	"fmt"
	"sync"
	"time"

	"snaplab/vmcore/guest"
	"snaplab/vmcore/kvm"
)

// callTimeout bounds one guest run; a zero deadline waits forever.
type callTimeout struct{ deadline time.Time }

func (t callTimeout) passed() bool {
	return !t.deadline.IsZero() && !time.Now().Before(t.deadline)
}

// runGuest runs the vCPU until the guest reports a finished call, a
// fault, or the deadline passes, serving host calls on the way. Any
// failure poisons the sandbox.
func (s *Sandbox) runGuest(t callTimeout) error {
	s.vcpu.SetImmediateExit(false)
	if !t.deadline.IsZero() {
		// The timer only fires once the deadline has passed, so an
		// interrupted run that sees the flag set can stop for good.
		// Stop does not wait for a timer function already running,
		// so the function checks, under a lock, that this run is
		// still going: after it, the vCPU may be closed and the
		// thread id reused.
		var mu sync.Mutex
		finished := false
		timer := time.AfterFunc(time.Until(t.deadline), func() {
			mu.Lock()
			defer mu.Unlock()
			if !finished {
				s.vcpu.SetImmediateExit(true)
				s.th.kick()
			}
		})
		defer func() {
			timer.Stop()
			mu.Lock()
			finished = true
			mu.Unlock()
		}()
	}
	for {
		err := s.vcpu.Run()
		if err == kvm.ErrInterrupted {
			if s.closing.Load() {
				s.setStatus(Poisoned)
				return ErrClosed
			}
			if t.passed() {
				s.setStatus(Poisoned)
				return ErrDeadline
			}
			s.vcpu.SetImmediateExit(false)
			continue
		}
		if err != nil {
			s.setStatus(Poisoned)
			return err
		}
		done, err := s.handleExit()
		if err != nil {
			s.setStatus(Poisoned)
			return err
		}
		if done {
			return nil
		}
	}
}

// handleExit serves one exit; done means the call has finished.
func (s *Sandbox) handleExit() (done bool, err error) {
	reason := s.vcpu.ExitReason()
	if reason != kvm.ExitIO {
		f := &GuestFault{Vector: 256 + uint64(reason), Exit: reason.String()}
		switch reason {
		case kvm.ExitMMIO:
			f.CR2 = s.vcpu.MMIOAddr()
			f.Exit = fmt.Sprintf("mmio at %#x", f.CR2)
		case kvm.ExitInternalError, kvm.ExitFailEntry:
			f.Exit = fmt.Sprintf("%s %#x", reason, s.vcpu.ExitWords(6))
			if r, err := s.vcpu.Regs(); err == nil {
				f.RIP = r.RIP
				f.Exit += fmt.Sprintf(" at rip %#x", r.RIP)
			}
		}
		return false, f
	}
	io := s.vcpu.IO()
	if io.Direction != kvm.IOOut {
		return false, &GuestFault{Vector: 256, Exit: fmt.Sprintf(
			"in from port %#x", io.Port)}
	}
	switch io.Port {
	case guest.PortDone:
		return true, nil
	case guest.PortHostcall:
		s.serveHostCall()
		return false, nil
	case guest.PortFault:
		w := guest.OutWords
		return false, &GuestFault{
			Vector: s.outputWord(guest.OutResult),
			Code:   s.outputWord(w),
			CR2:    s.outputWord(w + 8),
			RIP:    s.outputWord(w + 16),
		}
	}
	return false, &GuestFault{Vector: 256, Exit: fmt.Sprintf(
		"out to unknown port %#x", io.Port)}
}

// output returns the output buffer's bytes in scratch.
func (s *Sandbox) output() []byte {
	l := s.layout
	return s.scratch.mem[l.OutputOffset():][:l.OutputSize]
}

func (s *Sandbox) input() []byte {
	l := s.layout
	return s.scratch.mem[l.InputOffset():][:l.InputSize]
}

func (s *Sandbox) outputWord(off int) uint64 {
	return binary.LittleEndian.Uint64(s.output()[off:])
}

// serveHostCall runs the host function the guest named and leaves
// its status and result in the output header.
func (s *Sandbox) serveHostCall() {
	out := s.output()
	nargs := binary.LittleEndian.Uint64(out[guest.HCNArgs:])
	nameLen := binary.LittleEndian.Uint64(out[guest.HCNameLen:])
	status, result := uint64(guest.StHostError), uint64(0)
	defer func() {
		binary.LittleEndian.PutUint64(out[guest.OutStatus:], status)
		binary.LittleEndian.PutUint64(out[guest.OutResult:], result)
	}()
	if nargs > guest.MaxArgs || nameLen > uint64(len(out)-guest.HCName) {
		return
	}
	name := string(out[guest.HCName : guest.HCName+nameLen])
	fn, ok := s.hostFns[name]
	if !ok || int(nargs) != len(fn.Signature.Params) || fn.Call == nil {
		return
	}
	args := make([]uint64, nargs)
	for i := range args {
		args[i] = binary.LittleEndian.Uint64(out[guest.HCArgs+8*i:])
	}
	r, err := fn.Call(args)
	if err != nil {
		return
	}
	status, result = guest.StOK, r
}
