package vmcore

import (
	"fmt"

	"snaplab/vmcore/kvm"
)

// msrsFor returns the MSR values a restore of sn writes: one for
// every MSR the sandbox resets, the snapshot's value where it recorded
// one and the vCPU's value at creation where it did not. A snapshot
// naming an MSR outside that list is refused: its list is data, not
// a licence to write arbitrary MSRs.
//
// The result lives in a buffer the sandbox reuses: restore runs on
// every call of a pooled sandbox, and a map and a slice per restore
// cost more than the check itself.
func (s *Sandbox) msrsFor(sn *Snapshot) ([]kvm.MSREntry, error) {
	if s.msrAt == nil {
		s.msrAt = make(map[uint32]int, len(s.clean.msrs))
		for i, e := range s.clean.msrs {
			s.msrAt[e.Index] = i
		}
	}
	out := append(s.msrBuf[:0], s.clean.msrs...)
	s.msrBuf = out
	for _, e := range sn.MSRs {
		i, ok := s.msrAt[e.Index]
		if !ok {
			return nil, fmt.Errorf("%w: MSR %#x is not one a restore "+
				"resets", ErrInvalidSnapshot, e.Index)
		}
		out[i].Data = e.Data
	}
	return out, nil
}
