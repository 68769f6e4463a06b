package bench

import (
	"fmt"

	"snaplab/lab/scenario"
	"snaplab/vmcore"
)

// caseRig is the setup of one case: a target sandbox, the base
// snapshot it goes back to before each iteration, and the incoming
// snapshot the timed restore lands.
type caseRig struct {
	cfg      vmcore.Config // the target's, also used for fallbacks
	target   *vmcore.Sandbox
	base     *vmcore.Snapshot
	incoming *vmcore.Snapshot
}

// newCaseRig builds a case's sandboxes and snapshots. The incoming
// snapshot is taken in a source sandbox after the workload ran once;
// the base snapshot is the target's own. When the layouts are equal,
// the target is the source sandbox and both snapshots are one: the
// timed restore is then a sandbox going back to the snapshot it was
// at, and re-creates no slot.
func newCaseRig(c scenario.Case, mem string, w workload) (*caseRig, error) {
	src, err := sandboxConfig(c.Source, mem)
	if err != nil {
		return nil, err
	}
	r := &caseRig{}
	if r.cfg, err = sandboxConfig(c.Target, mem); err != nil {
		return nil, err
	}
	if SameLayout(c) {
		r.target, r.incoming, err = snapshotAfterWork(r.cfg, w)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.Name, err)
		}
		r.base = r.incoming
		return r, nil
	}

	source, incoming, err := snapshotAfterWork(src, w)
	if err != nil {
		return nil, fmt.Errorf("case %s: source: %w", c.Name, err)
	}
	source.Close()
	r.incoming = incoming
	if r.target, err = vmcore.New(r.cfg); err != nil {
		r.close()
		return nil, fmt.Errorf("case %s: target: %w", c.Name, err)
	}
	if r.base, err = r.target.Snapshot(); err != nil {
		r.close()
		return nil, fmt.Errorf("case %s: target: %w", c.Name, err)
	}
	return r, nil
}

// prepare puts the target back at its base snapshot and dirties it,
// so that every iteration starts from the same place.
func (r *caseRig) prepare(w workload, iteration int) error {
	if err := r.target.Restore(r.base, back); err != nil {
		return fmt.Errorf("back to the base snapshot: %w", err)
	}
	return w.dirty(r.target, uint64(iteration)<<8)
}

// close releases the sandbox and both snapshots.
func (r *caseRig) close() {
	if r.target != nil {
		r.target.Close()
	}
	if r.base != nil && r.base != r.incoming {
		r.base.Release()
	}
	if r.incoming != nil {
		r.incoming.Release()
	}
}
