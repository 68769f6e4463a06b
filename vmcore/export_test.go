package vmcore

// InjectFault makes the named restore step fail once with err. Steps:
// map-snapshot-slot, unmap-snapshot-slot, alloc-scratch,
// map-scratch-slot, unmap-scratch-slot, vcpu-regs, vcpu-sregs,
// vcpu-debugregs, vcpu-xsave, vcpu-xcrs, vcpu-msrs, dynamic-unmap.
func InjectFault(s *Sandbox, step string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults == nil {
		s.faults = map[string]error{}
	}
	s.faults[step] = err
}
