package vmcore

// inject returns the failure a test planted for a restore step, once.
// Only this package's tests can plant one (see export_test.go).
func (s *Sandbox) inject(step string) error {
	if s.faults == nil {
		return nil
	}
	err := s.faults[step]
	delete(s.faults, step)
	return err
}
