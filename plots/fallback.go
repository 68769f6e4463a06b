package plots

import (
	"fmt"
	"math"
	"strings"

	"snaplab/lab/results"

	"gonum.org/v1/plot"
)

// fallbackChart draws the cross-layout cases of the scope: those
// where some strategy took the fallback (fallback/op > 0), that is
// built a fresh sandbox because the snapshot's layout was refused.
// Bars are restore-ns/op per strategy; a dashed line across each case
// marks the floor benchmark when the run has one. Each bar is labelled
// with its multiple of the floor, or with the share of restores that
// fell back, when the labels fit. It returns nil when no case fell
// back.
func fallbackChart(all []results.Summary, sc scope, pal palette) *figure {
	restores := sc.restores(all, "")
	ix := newIndex(restores)

	// A case is cross-layout when any strategy fell back on it.
	var cross []string
	for _, s := range results.Select(restores, "fallback/op") {
		if s.Median > 0 && !contains(cross, s.Get("case")) {
			cross = append(cross, s.Get("case"))
		}
	}
	var sums []results.Summary
	for _, s := range results.Select(restores, "restore-ns/op") {
		if contains(cross, s.Get("case")) {
			sums = append(sums, s)
		}
	}
	if len(sums) == 0 {
		return nil
	}

	t := newTable(sums, caseOf, strategyOf)
	div, ylabel := timeAxis("restore latency", maxOf(sums, median))
	p := newPlot("cross-layout case", ylabel)
	p.NominalX(t.groups...)
	fig := newFigure(sc.title("Cross-layout restores: "+
		"in place, or the fallback to a fresh sandbox"),
		sc.subtitle("median restore-ns/op", "whiskers: 95% CI"), p)

	labels := &barLabels{}
	_, labels.width = barX(0, 0, len(t.series))
	for j, strategy := range t.series {
		b, iv := strategyBars(t, j, pal.color(strategy), div)
		p.Add(b)
		if eb := errorBars(iv, errorColor); eb != nil {
			p.Add(eb)
		}
		name := strategy
		if fellBack(t, strategy, ix) {
			name += " (fallback)"
		}
		fig.legend.Add(name, b)

		for i, g := range t.groups {
			if s, ok := t.cell(g, strategy); ok {
				x, _ := barX(i, j, len(t.series))
				top := math.Max(s.Median, finite(s.Hi, s.Median))
				labels.add(x, top/div, barLabel(all, ix, s))
			}
		}
	}

	if drawFloors(p, t, all, div) {
		fig.legend.Add(floorName,
			segment(0, 1, 0, floorStyle()))
	}
	fig.withLabels(labels, "labels: fallback, or multiple of the floor")
	p.Y.Min = 0
	groupRange(p, len(t.groups))
	p.Y.Max = maxTop(t, div) * 1.1
	return fig
}

// fellBack reports whether strategy fell back on any case of t.
func fellBack(t *table, strategy string, ix index) bool {
	for _, g := range t.groups {
		s, ok := t.cell(g, strategy)
		if !ok {
			continue
		}
		if f, ok := ix.find(s, "fallback/op"); ok && f.Median > 0 {
			return true
		}
	}
	return false
}

// barLabel gives a bar's multiple of the floor, if there is a floor,
// and says "fallback" when the bar's restores fell back (with their
// share, when not all did).
func barLabel(all []results.Summary, ix index, s results.Summary) string {
	var parts []string
	if f, ok := ix.find(s, "fallback/op"); ok && f.Median > 0 {
		if f.Median >= 1 {
			parts = append(parts, "fallback")
		} else {
			parts = append(parts,
				fmt.Sprintf("fallback %.0f%%", 100*f.Median))
		}
	}
	if fl, ok := floorFor(all, s, "restore-ns/op"); ok && fl.Median > 0 {
		parts = append(parts, fmt.Sprintf("×%.1f",
			s.Median/fl.Median))
	}
	return strings.Join(parts, " ")
}

// drawFloors adds a dashed line across each group of t at the floor
// benchmark's restore-ns/op. It reports whether it drew any.
func drawFloors(p *plot.Plot, t *table, all []results.Summary,
	div float64) bool {
	drew := false
	for i, g := range t.groups {
		for _, strategy := range t.series {
			s, ok := t.cell(g, strategy)
			if !ok {
				continue
			}
			fl, ok := floorFor(all, s, "restore-ns/op")
			if !ok {
				continue
			}
			p.Add(segment(float64(i)-0.45, float64(i)+0.45,
				fl.Median/div, floorStyle()))
			drew = true
			break
		}
	}
	return drew
}

func maxTop(t *table, div float64) float64 {
	m := 0.0
	for _, s := range t.cells {
		m = math.Max(m, math.Max(s.Median, finite(s.Hi, s.Median)))
	}
	return m / div
}

// finite returns v, or alt when v is infinite.
func finite(v, alt float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return alt
	}
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
