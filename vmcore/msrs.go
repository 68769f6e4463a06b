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
func (s *Sandbox) msrsFor(sn *Snapshot) ([]kvm.MSREntry, error) {
	out := append([]kvm.MSREntry(nil), s.clean.msrs...)
	at := make(map[uint32]int, len(out))
	for i, e := range out {
		at[e.Index] = i
	}
	for _, e := range sn.MSRs {
		i, ok := at[e.Index]
		if !ok {
			return nil, fmt.Errorf("%w: MSR %#x is not one a restore "+
				"resets", ErrInvalidSnapshot, e.Index)
		}
		out[i].Data = e.Data
	}
	return out, nil
}
