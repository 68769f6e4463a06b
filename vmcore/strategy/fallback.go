package strategy

import (
	"fmt"

	"snaplab/vmcore"
)

// RestoreOrFallback restores sn into s under st. If st refuses the
// snapshot's layout, it takes the fallback a strict user has: close s
// and build a fresh sandbox from sn with cfg. It returns the sandbox
// that now holds sn (s itself, or the fresh one) and whether the
// fallback ran. On any other failure s is returned as it was left.
func RestoreOrFallback(s *vmcore.Sandbox, sn *vmcore.Snapshot,
	st vmcore.Strategy, cfg vmcore.Config) (*vmcore.Sandbox, bool, error) {
	err := s.Restore(sn, st)
	if err == nil {
		return s, false, nil
	}
	if !IsMismatch(err) {
		return s, false, err
	}
	fresh, ferr := vmcore.NewFromSnapshot(sn, cfg)
	if ferr != nil {
		return s, true, fmt.Errorf("fallback after %v: %w", err, ferr)
	}
	s.Close()
	return fresh, true, nil
}
