package plots

import (
	"slices"
	"strings"

	"snaplab/lab/results"
)

// table arranges summaries of one unit for a grouped bar chart: the
// groups are the x categories (cases), the series are the bars in
// each group (strategies).
type table struct {
	groups, series []string
	cells          map[[2]string]results.Summary
}

// newTable files each summary under group(s) and series(s), keeping
// the first summary of a cell and the order values are first seen.
func newTable(sums []results.Summary, group,
	series func(results.Summary) string) *table {
	t := &table{cells: map[[2]string]results.Summary{}}
	for _, s := range sums {
		g, k := group(s), series(s)
		if !slices.Contains(t.groups, g) {
			t.groups = append(t.groups, g)
		}
		if !slices.Contains(t.series, k) {
			t.series = append(t.series, k)
		}
		if _, ok := t.cells[[2]string{g, k}]; !ok {
			t.cells[[2]string{g, k}] = s
		}
	}
	return t
}

func (t *table) cell(group, series string) (results.Summary, bool) {
	s, ok := t.cells[[2]string{group, series}]
	return s, ok
}

// barX is the centre of bar j of n in group i, and the bar width, in
// data units: groups sit at the integers, as plot.NominalX expects,
// their bars share 80% of the space between them, and a thin gap
// separates neighbours.
func barX(i, j, n int) (x, width float64) {
	slot := 0.8 / float64(n)
	return float64(i) + (float64(j)-float64(n-1)/2)*slot, 0.88 * slot
}

func caseOf(s results.Summary) string { return s.Get("case") }

func strategyOf(s results.Summary) string { return s.Get("strategy") }

// index finds the summary of one configuration in another unit.
type index map[string]results.Summary

func newIndex(sums []results.Summary) index {
	ix := index{}
	for _, s := range sums {
		ix[s.Configuration()+"\x00"+s.Unit] = s
	}
	return ix
}

func (ix index) find(s results.Summary, unit string) (results.Summary,
	bool) {
	o, ok := ix[s.Configuration()+"\x00"+unit]
	return o, ok
}

// floorFor returns the floor benchmark that does the work of s: the
// same host, scenario, case and memory technique.
func floorFor(sums []results.Summary, s results.Summary,
	unit string) (results.Summary, bool) {
	f := results.Select(sums, unit, "benchmark", "Floor",
		"host", s.Get("host"), "scenario", s.Get("scenario"),
		"case", s.Get("case"), "mem", s.Get("mem"))
	if len(f) == 0 {
		return results.Summary{}, false
	}
	return f[0], true
}

// notSweep drops the cases of size sweeps, which have a chart of
// their own.
func notSweep(sums []results.Summary) []results.Summary {
	var out []results.Summary
	for _, s := range sums {
		if _, ok := results.Sweep(s.Get("case")); !ok {
			out = append(out, s)
		}
	}
	return out
}

// maxOf is the largest of f over sums.
func maxOf(sums []results.Summary, f func(results.Summary) float64) float64 {
	m := 0.0
	for _, s := range sums {
		m = max(m, f(s))
	}
	return m
}

// subtitle is the second title line: where the data comes from and
// how to read it.
func subtitle(host, scenario string, extra ...string) string {
	parts := []string{}
	if host != "" {
		parts = append(parts, "host "+host)
	}
	if scenario != "" {
		parts = append(parts, "scenario "+scenario)
	}
	parts = append(parts, extra...)
	return strings.Join(parts, " · ")
}
