package vmcore

import (
	"encoding/binary"
	"fmt"
	"time"

	"snaplab/vmcore/guest"
	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// Request is one call into the guest's dispatch function.
type Request struct {
	Function uint64
	Args     []uint64
	Payload  []byte
	// Deadline stops a call that runs too long; the sandbox is then
	// Poisoned. Zero means no deadline.
	Deadline time.Time
}

// Response is what the guest left in its output buffer.
type Response struct {
	Status  uint64
	Result  uint64
	Payload []byte
}

// Call runs one guest function. A guest fault or a passed deadline
// poisons the sandbox; a non-OK status from the guest does not.
func (s *Sandbox) Call(req Request) (Response, error) {
	var resp Response
	err := s.exec(func() error {
		if err := s.usable(); err != nil {
			return err
		}
		if len(req.Args) > guest.MaxArgs {
			return fmt.Errorf("call: %d arguments, at most %d",
				len(req.Args), guest.MaxArgs)
		}
		if room := s.layout.InputSize - guest.HeaderSize; uint64(
			len(req.Payload)) > room {
			return fmt.Errorf("call: payload of %d bytes, input_size "+
				"%s leaves room for %d", len(req.Payload),
				layout.FormatSize(s.layout.InputSize), room)
		}
		var err error
		resp, err = s.callOnThread(req)
		return err
	})
	return resp, err
}

func (s *Sandbox) callOnThread(req Request) (Response, error) {
	in := s.input()
	binary.LittleEndian.PutUint64(in[guest.InFunction:], req.Function)
	binary.LittleEndian.PutUint64(in[guest.InNArgs:], uint64(len(req.Args)))
	for i := 0; i < guest.MaxArgs; i++ {
		var a uint64
		if i < len(req.Args) {
			a = req.Args[i]
		}
		binary.LittleEndian.PutUint64(in[guest.InArgs+8*i:], a)
	}
	binary.LittleEndian.PutUint64(in[guest.InPayloadLen:],
		uint64(len(req.Payload)))
	copy(in[guest.InPayload:], req.Payload)

	if err := s.enterDispatch(); err != nil {
		return Response{}, err
	}
	if err := s.runGuest(callTimeout{req.Deadline}); err != nil {
		return Response{}, err
	}
	out := s.output()
	resp := Response{
		Status: binary.LittleEndian.Uint64(out[guest.OutStatus:]),
		Result: binary.LittleEndian.Uint64(out[guest.OutResult:]),
	}
	n := binary.LittleEndian.Uint64(out[guest.OutPayloadLen:])
	if n > uint64(len(out)-guest.OutPayload) {
		s.setStatus(Poisoned)
		return resp, fmt.Errorf("call: guest claims %d payload bytes, "+
			"output holds %d", n, len(out)-guest.OutPayload)
	}
	resp.Payload = append([]byte(nil), out[guest.OutPayload:][:n]...)
	return resp, nil
}

// enterDispatch sets the registers every call starts with, handing
// them (and any staged special registers) to KVM_RUN through kvm_run
// where KVM offers it.
func (s *Sandbox) enterDispatch() error {
	var flags uint64
	if s.flushTLB {
		flags = guest.FlagFlushTLB
	}
	regs := kvm.Regs{
		RIP: s.entry, RSP: s.stackTop, RFLAGS: rflagsReserved,
		RDI: layout.SnapshotBase + s.layout.PEBOffset(), RSI: flags,
	}
	if s.syncRegs {
		*s.vcpu.SyncRegs() = regs
		dirty := uint64(kvm.SyncRegs)
		if s.stagedSregs {
			dirty |= kvm.SyncSregs
		}
		s.vcpu.SetDirtyRegs(dirty)
	} else if err := s.vcpu.SetRegs(&regs); err != nil {
		s.setStatus(Poisoned)
		return err
	}
	s.stagedSregs = false
	s.flushTLB = false
	return nil
}
