package compare

import (
	"fmt"
	"math"
	"slices"

	"snaplab/lab/results"

	"golang.org/x/perf/benchmath"
)

// Options set the thresholds of a comparison.
type Options struct {
	// Alpha is the significance level of the U test: a change is
	// only real when p < Alpha.
	Alpha float64

	// MinEffect is the smallest relative change of the median, as a
	// fraction (0.05 for 5%), that counts as real.
	MinEffect float64
}

// DefaultOptions are the thresholds benchrun compare uses unless
// told otherwise.
var DefaultOptions = Options{Alpha: 0.05, MinEffect: 0.05}

// A Row compares one configuration in one unit.
type Row struct {
	// Keys identify the configuration, as in results.Summary; the
	// host is among them only when it is part of the match.
	Keys []results.KeyValue

	// Unit is the unit of both summaries, as the files wrote it.
	Unit string

	// Old and New summarise the two runs' samples.
	Old, New results.Summary

	// Change is New.Median/Old.Median - 1; it is NaN when the old
	// median is zero and the new one is not.
	Change float64

	// P is the p-value of the Mann-Whitney U test that the old and
	// new samples come from one distribution.
	P float64

	// Real is set when P < Alpha and |Change| >= MinEffect.
	Real bool

	// Better is +1 when the change is an improvement, -1 when it is
	// a regression and 0 when it is not real or the unit does not
	// say which direction is better.
	Better int

	// Warnings come from the test, such as too few samples.
	Warnings []error
}

// Get returns the value of key in the configuration of r.
func (r Row) Get(key string) string {
	return results.Summary{Keys: r.Keys}.Get(key)
}

// Verdict is "~" for a change that is not real, otherwise "better",
// "worse", or "changed" when the unit has no better= metadata.
func (r Row) Verdict() string {
	switch {
	case !r.Real:
		return "~"
	case r.Better > 0:
		return "better"
	case r.Better < 0:
		return "worse"
	}
	return "changed"
}

// A Result is the outcome of comparing two runs.
type Result struct {
	// Options are the thresholds that decided Row.Real.
	Options Options

	// Old and New are the sets compared.
	Old, New *results.Set

	// Rows are the configurations and units present in both, in
	// the order of the old run.
	Rows []Row

	// OnlyOld and OnlyNew list the configurations, rendered as
	// key=value pairs, that only one run has.
	OnlyOld, OnlyNew []string
}

// Files reads the result files or run directories at oldPath and
// newPath and compares them.
func Files(oldPath, newPath string, opt Options) (*Result, error) {
	old, err := results.Read(oldPath)
	if err != nil {
		return nil, fmt.Errorf("compare: old: %w", err)
	}
	cur, err := results.Read(newPath)
	if err != nil {
		return nil, fmt.Errorf("compare: new: %w", err)
	}
	return Sets(old, cur, opt)
}

// Sets compares two sets of results.
func Sets(old, cur *results.Set, opt Options) (*Result, error) {
	if !(opt.Alpha > 0 && opt.Alpha < 1) {
		return nil, fmt.Errorf("compare: alpha %v: want a value "+
			"between 0 and 1", opt.Alpha)
	}
	if !(opt.MinEffect >= 0) {
		return nil, fmt.Errorf("compare: min effect %v: want a "+
			"fraction of at least 0", opt.MinEffect)
	}
	var omit []string
	if len(old.Hosts()) == 1 && len(cur.Hosts()) == 1 {
		omit = []string{"host"}
	}

	oldSums, newSums := old.Summaries(), cur.Summaries()
	type slot struct{ config, unit string }
	byConfig := map[slot]results.Summary{}
	newConfigs := map[string]bool{}
	for _, s := range newSums {
		c := s.Configuration(omit...)
		byConfig[slot{c, s.Unit}] = s
		newConfigs[c] = true
	}

	res := &Result{Options: opt, Old: old, New: cur}
	oldConfigs := map[string]bool{}
	for _, o := range oldSums {
		c := o.Configuration(omit...)
		if !oldConfigs[c] {
			oldConfigs[c] = true
			if !newConfigs[c] {
				res.OnlyOld = append(res.OnlyOld, c)
			}
		}
		n, ok := byConfig[slot{c, o.Unit}]
		if !ok {
			continue
		}
		res.Rows = append(res.Rows, compareOne(o, n, omit, opt,
			old.Units.GetBetter(o.Unit)))
	}
	for _, s := range newSums {
		c := s.Configuration(omit...)
		if !oldConfigs[c] && !slices.Contains(res.OnlyNew, c) {
			res.OnlyNew = append(res.OnlyNew, c)
		}
	}
	return res, nil
}

func compareOne(old, cur results.Summary, omit []string, opt Options,
	better int) Row {
	row := Row{Unit: old.Unit, Old: old, New: cur}
	for _, kv := range old.Keys {
		if !slices.Contains(omit, kv.Key) {
			row.Keys = append(row.Keys, kv)
		}
	}

	switch {
	case old.Median == cur.Median:
		row.Change = 0
	case old.Median == 0:
		row.Change = math.NaN()
	default:
		row.Change = cur.Median/old.Median - 1
	}

	if constant(old.Values) && constant(cur.Values) &&
		old.Median == cur.Median {
		// The U test refuses identical constant samples, which is
		// the common case of fallback/op: nothing changed.
		row.P = 1
		return row
	}
	thresholds := benchmath.Thresholds{CompareAlpha: opt.Alpha}
	cmp := benchmath.AssumeNothing.Compare(
		benchmath.NewSample(old.Values, &thresholds),
		benchmath.NewSample(cur.Values, &thresholds))
	row.P = cmp.P
	row.Warnings = cmp.Warnings

	effect := math.Abs(row.Change)
	row.Real = cmp.P < opt.Alpha &&
		(effect >= opt.MinEffect || math.IsNaN(row.Change))
	if row.Real {
		switch {
		case better > 0 && cur.Median > old.Median,
			better < 0 && cur.Median < old.Median:
			row.Better = 1
		case better != 0:
			row.Better = -1
		}
	}
	return row
}

func constant(vs []float64) bool {
	for _, v := range vs {
		if v != vs[0] {
			return false
		}
	}
	return true
}
