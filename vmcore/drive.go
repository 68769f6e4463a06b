package vmcore

// Drive runs f on the sandbox's own vCPU thread. Calls f makes on
// this sandbox (Restore, Call and the rest) then run inline, with no
// hand-off between threads — the way a VMM's vCPU thread runs its own
// loop. Benchmarks drive their timed loops this way, so that what they
// time is the restore and not the wake-up of a parked thread, which on
// a nested hypervisor can cost hundreds of microseconds.
//
// f may Close the sandbox (strict's fallback does) but must not call
// Drive on it again. Calls from other goroutines wait until f returns.
// Calls on other sandboxes are handed to their own threads as usual.
// Drive returns ErrClosed, having run nothing, on a closed sandbox.
func (s *Sandbox) Drive(f func()) error {
	if s.reentrant() {
		return ErrReentrant
	}
	if !s.th.drive(f) {
		return ErrClosed
	}
	return nil
}
