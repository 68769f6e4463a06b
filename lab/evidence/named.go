package evidence

import (
	"errors"
	"fmt"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
	"snaplab/vmcore/strategy"
)

// namedChecks are the scenarios outside the matrix.
var namedChecks = []struct {
	name string
	run  func() Check
}{
	{"hazard-above-snapshot/adopt",
		hazard(hazardAboveSnapshot, strategy.Adopt, vmcore.Ready)},
	{"hazard-above-snapshot/adopt-remap-first",
		hazard(hazardAboveSnapshot, strategy.AdoptRemapFirst,
			vmcore.Unrecoverable)},
	{"hazard-below-scratch/adopt",
		hazard(hazardBelowScratch, strategy.Adopt, vmcore.Ready)},
	{"hazard-below-scratch/adopt-remap-first",
		hazard(hazardBelowScratch, strategy.AdoptRemapFirst,
			vmcore.Unrecoverable)},
	{"alternating-small-large-small", alternating},
	{"host-function-mismatch", hostFunctionMismatch},
}

func check(name string, err error, detail string) Check {
	if err != nil {
		return Check{Name: name, Passed: false, Detail: err.Error()}
	}
	return Check{Name: name, Passed: true, Detail: detail}
}

// A hazard is a grown snapshot and a dynamic region placed where the
// growth lands.
type hazardKind struct {
	name   string
	source layout.Layout
	region func(target, source layout.Layout) (gpa, size uint64)
}

var hazardAboveSnapshot = hazardKind{
	name:   "dynamic region just above the snapshot region",
	source: layout.Default().Set(layout.HeapSize, 1<<20).WithOutputs(),
	region: func(t, _ layout.Layout) (uint64, uint64) {
		return layout.SnapshotBase + t.SnapshotSize, 64 << 10
	},
}

var hazardBelowScratch = hazardKind{
	name:   "dynamic region just below a larger incoming scratch",
	source: layout.Default().Set(layout.ScratchSize, 1<<20).WithOutputs(),
	region: func(t, s layout.Layout) (uint64, uint64) {
		return s.ScratchBase(), t.ScratchBase() - s.ScratchBase()
	},
}

// hazard maps the region into a default sandbox, restores the grown
// snapshot under st and checks the outcome the model predicts: the
// safe order succeeds and leaves no dynamic region; the older order
// collides while swapping base memory and leaves it Unrecoverable.
func hazard(h hazardKind, st string, want vmcore.Status) func() Check {
	return func() Check {
		name := h.name + " under " + st
		sn, err := donor(h.source)
		if err != nil {
			return check(name, err, "")
		}
		defer sn.Release()
		s, err := vmcore.New(config(layout.Default()))
		if err != nil {
			return check(name, err, "")
		}
		defer s.Close()
		gpa, size := h.region(s.Layout(), sn.Layout)
		if _, err := s.MapRegion(gpa, size); err != nil {
			return check(name, fmt.Errorf("map region: %w", err), "")
		}
		err = s.Restore(sn, strategy.MustNew(st))
		got := s.Status()
		switch {
		case got != want:
			return check(name, fmt.Errorf("status %v (restore: %v), "+
				"model predicts %v", got, err, want), "")
		case want == vmcore.Ready && err != nil:
			return check(name, err, "")
		case want == vmcore.Ready:
			if n := len(s.Regions()); n != 0 {
				return check(name, fmt.Errorf("%d dynamic regions "+
					"left", n), "")
			}
			if _, err := s.Echo([]byte("after")); err != nil {
				return check(name, err, "")
			}
			return check(name, nil, fmt.Sprintf("region [%#x, +%s) "+
				"unmapped first; restore succeeded", gpa,
				layout.FormatSize(size)))
		}
		return check(name, nil, fmt.Sprintf("collided as predicted: %v", err))
	}
}

// alternating restores a small, a large and the small snapshot again
// into one sandbox, checking the guest's layout report each time.
func alternating() Check {
	const name = "alternating restores small, large, small"
	small, err := donor(layout.Default().WithOutputs())
	if err != nil {
		return check(name, err, "")
	}
	defer small.Release()
	big := layout.Default()
	big.HeapSize, big.InputSize, big.ScratchSize = 1<<20, 64<<10, 1<<20
	large, err := donor(big.WithOutputs())
	if err != nil {
		return check(name, err, "")
	}
	defer large.Release()
	s, err := vmcore.New(config(layout.Default()))
	if err != nil {
		return check(name, err, "")
	}
	defer s.Close()
	for i, sn := range []*vmcore.Snapshot{small, large, small, large} {
		if err := s.Restore(sn, strategy.MustNew(strategy.Adopt)); err != nil {
			return check(name, fmt.Errorf("restore %d: %w", i, err), "")
		}
		if err := checkLayoutReport(s, sn.Layout); err != nil {
			return check(name, fmt.Errorf("restore %d: %w", i, err), "")
		}
		if err := checkLimits(s, sn.Layout); err != nil {
			return check(name, fmt.Errorf("restore %d: %w", i, err), "")
		}
	}
	return check(name, nil, "layout report and limits right after each of 4 restores")
}

// hostFunctionMismatch restores a snapshot that recorded a host
// function the target lacks: the restore must fail and leave the
// target fully usable, its regions, memory and own snapshot intact.
func hostFunctionMismatch() Check {
	const name = "host-function mismatch leaves the target usable"
	extra := append([]vmcore.HostFunction{{Name: "mul",
		Signature: vmcore.Signature{Params: []vmcore.Kind{vmcore.I64},
			Result: vmcore.I64},
		Call: func(a []uint64) (uint64, error) { return a[0] * 3, nil },
	}}, hostFunctions...)
	d, err := vmcore.New(vmcore.Config{HostFunctions: extra})
	if err != nil {
		return check(name, err, "")
	}
	sn, err := d.Snapshot()
	d.Close()
	if err != nil {
		return check(name, err, "")
	}
	defer sn.Release()

	s, err := vmcore.New(config(layout.Default()))
	if err != nil {
		return check(name, err, "")
	}
	defer s.Close()
	own, err := s.Snapshot()
	if err != nil {
		return check(name, err, "")
	}
	defer own.Release()
	r, err := s.MapRegion(0x8000_0000, 64<<10)
	if err != nil {
		return check(name, err, "")
	}
	if err := s.Touch(2, 2, 1, 0x4242); err != nil {
		return check(name, err, "")
	}
	before, err := s.GuestView()
	if err != nil {
		return check(name, err, "")
	}
	refused := s.Restore(sn, strategy.MustNew(strategy.Adopt))
	if !errors.Is(refused, vmcore.ErrHostFunctionMismatch) {
		return check(name, fmt.Errorf("restore: %v, want a host-function "+
			"mismatch", refused), "")
	}
	after, err := s.GuestView()
	if err != nil || string(after) != string(before) {
		return check(name, fmt.Errorf("memory changed (%v)", err), "")
	}
	if regs := s.Regions(); len(regs) != 1 || regs[0] != r {
		return check(name, fmt.Errorf("dynamic regions changed"), "")
	}
	if v, err := s.CallHost("add", 2, 3); err != nil || v != 5 {
		return check(name, fmt.Errorf("host call after: %d, %v", v, err), "")
	}
	if err := s.Restore(own, strategy.MustNew(strategy.Adopt)); err != nil {
		return check(name, fmt.Errorf("own snapshot after: %w", err), "")
	}
	return check(name, nil, "refused with: "+refused.Error())
}
