package vmcore

// Drive runs f on the sandbox's own vCPU thread. Calls f makes on
// this sandbox (Restore, Call and the rest) then run inline, with no
// hand-off between threads — the way a VMM's vCPU thread runs its own
// loop. Benchmarks drive their timed loops this way, so that what they
// time is the restore and not the wake-up of a parked thread, which on
// a nested hypervisor can cost hundreds of microseconds.
//
// f must not call Drive or Close on the same sandbox. Calls on other
// sandboxes are handed to their own threads as usual.
func (s *Sandbox) Drive(f func()) {
	s.th.drive(f)
}
