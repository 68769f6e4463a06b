package vmcore

import "time"

// RestoreTiming is how long each step of the latest restore took, as
// measured inside Restore on the vCPU thread. A refused restore also
// records one (its Admit and Total are the refusal's cost): timings
// are telemetry, not sandbox state.
type RestoreTiming struct {
	Admit        time.Duration // strategy, validity and host checks
	UnmapDynamic time.Duration
	Remap        time.Duration // slot delete and re-create, if any
	Region       time.Duration // writable snapshot region put back
	Reset        time.Duration // scratch reset or re-allocation
	PT           time.Duration // bookkeeping words and PT copy
	VCPU         time.Duration // register writes
	Total        time.Duration // from the call to status Ready

	Remapped     bool // the read-only slot was re-created
	Reallocated  bool // scratch changed size and was replaced
	DynamicFreed int  // dynamic regions unmapped
}
