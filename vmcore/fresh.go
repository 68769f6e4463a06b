package vmcore

import "fmt"

// NewFromSnapshot builds a fresh sandbox that starts at snapshot sn:
// a new VM and vCPU over sn's blob, with cfg's host functions and
// options (cfg.Layout and cfg.Image are not used). This is the
// fallback a strict strategy's user takes when a snapshot does not
// fit their sandbox.
func NewFromSnapshot(sn *Snapshot, cfg Config) (*Sandbox, error) {
	b := sn.pin()
	if b == nil {
		return nil, fmt.Errorf("new from snapshot: %w: snapshot "+
			"released", ErrInvalidSnapshot)
	}
	defer b.release()
	if err := sn.Validate(); err != nil {
		return nil, fmt.Errorf("new from snapshot: %w", err)
	}
	if err := checkHostFunctions(sn.HostFunctions,
		cfg.hostFunctionMap()); err != nil {
		return nil, fmt.Errorf("new from snapshot: %w", err)
	}
	s, err := start(cfg, sn.Layout, b)
	if err != nil {
		return nil, fmt.Errorf("new from snapshot: %w", err)
	}
	err = s.exec(func() error {
		s.scratch.prepare(s.layout, s.pt, sn.Generation)
		msrs, err := s.msrsFor(sn)
		if err != nil {
			return err
		}
		if err := s.resetVCPU(sn, msrs, false); err != nil {
			return err
		}
		s.entry, s.stackTop = sn.Entry, sn.StackTop
		s.generation = sn.Generation
		s.flushTLB = true
		s.setStatus(Ready)
		return nil
	})
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("new from snapshot: %w", err)
	}
	return s, nil
}
