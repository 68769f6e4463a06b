package evidence

import (
	"errors"
	"fmt"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
	"snaplab/vmcore/strategy"
)

// Options tune a run.
type Options struct {
	// Samples is how many restores each timing takes the median of.
	Samples int
	// Progress, if set, is told each step's name as it starts.
	Progress func(step string)
}

// strategies are run against every variant, in table order.
var strategies = []string{strategy.Strict, strategy.Subset,
	strategy.Adopt, strategy.AdoptRemapFirst}

// hostFunctions every sandbox in the matrix has, so snapshots record
// them and the host-function check has something to compare.
var hostFunctions = []vmcore.HostFunction{{
	Name: "add",
	Signature: vmcore.Signature{Params: []vmcore.Kind{vmcore.I64,
		vmcore.I64}, Result: vmcore.I64},
	Call: func(a []uint64) (uint64, error) { return a[0] + a[1], nil },
}}

func config(l layout.Layout) vmcore.Config {
	return vmcore.Config{Layout: l, HostFunctions: hostFunctions}
}

// Run gathers the evidence on real KVM.
func Run(opt Options) (*Result, error) {
	if err := vmcore.Available(); err != nil {
		return nil, err
	}
	if opt.Samples <= 0 {
		opt.Samples = 9
	}
	if opt.Progress == nil {
		opt.Progress = func(string) {}
	}
	start := time.Now()
	res := &Result{Backend: vmcore.Backend(), Samples: opt.Samples,
		Strategy: strategies}
	for _, v := range Variants() {
		opt.Progress(v.Name())
		row, err := runVariant(v, opt.Samples)
		if err != nil {
			return nil, fmt.Errorf("evidence %s: %w", v.Name(), err)
		}
		res.Rows = append(res.Rows, row)
	}
	for _, c := range namedChecks {
		opt.Progress(c.name)
		res.Checks = append(res.Checks, c.run())
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// donor builds a sandbox with layout l, does a little work in it and
// snapshots it; the caller releases the snapshot.
func donor(l layout.Layout) (*vmcore.Snapshot, error) {
	s, err := vmcore.New(config(l))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.Touch(1, 3, 1, 0x5eed5eed5eed5eed); err != nil {
		return nil, err
	}
	if _, err := s.Alloc(48); err != nil {
		return nil, err
	}
	return s.Snapshot()
}

func runVariant(v Variant, samples int) (Row, error) {
	row := Row{Variant: v.Name(), Field: string(v.Field), Change: v.Change,
		Admitted: map[string]bool{}}
	sn, err := donor(v.Layout)
	if err != nil {
		return row, fmt.Errorf("donor: %w", err)
	}
	defer sn.Release()

	for _, name := range strategies {
		admitted, untouched, err := tryStrategy(name, sn)
		if err != nil {
			return row, fmt.Errorf("%s: %w", name, err)
		}
		row.Admitted[name] = admitted
		if name == strategy.Strict {
			row.StrictUntouched = untouched
		}
	}
	row.Failures = adoptFailures(sn)
	row.CorrectUnderAdopt = len(row.Failures) == 0
	row.KeptDisagreements = keptDisagreements(layout.Default().WithOutputs(),
		sn.Layout)
	if row.SameNs, row.CrossNs, row.FallbackNs, err = timeRestores(sn,
		samples); err != nil {
		return row, fmt.Errorf("timing: %w", err)
	}
	return row, nil
}

// tryStrategy restores sn into a default sandbox under one strategy.
// A refusal must leave the sandbox exactly as it was: same layout,
// same bytes, still Ready.
func tryStrategy(name string, sn *vmcore.Snapshot) (admitted,
	untouched bool, err error) {
	s, err := vmcore.New(config(layout.Default()))
	if err != nil {
		return false, false, err
	}
	defer s.Close()
	before, err := s.GuestView()
	if err != nil {
		return false, false, err
	}
	err = s.Restore(sn, strategy.MustNew(name))
	if err == nil {
		return true, true, nil
	}
	if !strategy.IsMismatch(err) {
		return false, false, err
	}
	after, verr := s.GuestView()
	untouched = verr == nil && s.Status() == vmcore.Ready &&
		s.Layout() == layout.Default().WithOutputs() &&
		string(before) == string(after)
	return false, untouched, nil
}

// adoptFailures runs every adopt check on sn and returns the ones
// that failed.
func adoptFailures(sn *vmcore.Snapshot) []string {
	var fails []string
	fail := func(what string, err error) {
		fails = append(fails, fmt.Sprintf("%s: %v", what, err))
	}
	restored, err := vmcore.New(config(layout.Default()))
	if err != nil {
		return []string{"new target: " + err.Error()}
	}
	defer restored.Close()
	if err := restored.Restore(sn, strategy.MustNew(strategy.Adopt)); err != nil {
		return []string{"restore: " + err.Error()}
	}
	fresh, err := vmcore.NewFromSnapshot(sn, config(layout.Default()))
	if err != nil {
		return []string{"fresh sandbox: " + err.Error()}
	}
	defer fresh.Close()

	if err := checkLayoutReport(restored, sn.Layout); err != nil {
		fail("layout report", err)
	}
	// The fresh sandbox makes the same call, so that both have run
	// exactly the same calls when the script compares them.
	if err := checkLayoutReport(fresh, sn.Layout); err != nil {
		fail("layout report of a fresh sandbox", err)
	}
	a, errA := runScript(restored)
	b, errB := runScript(fresh)
	switch {
	case errA != nil || errB != nil:
		fail("script", errors.Join(errA, errB))
	default:
		if d := differences(a, b); len(d) > 0 {
			fail("same as a fresh sandbox", fmt.Errorf("differs in %v", d))
		}
	}
	if err := checkLimits(restored, sn.Layout); err != nil {
		fail("limits", err)
	}
	return fails
}
