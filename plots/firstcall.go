package plots

import (
	"image/color"

	"snaplab/lab/results"
)

// firstCallChart stacks first-call-ns/op on restore-ns/op per strategy
// and case, for the scope: a restore that is cheap
// because it leaves work (re-faults, a cold TLB) to the next call
// shows a short lower bar and a tall upper one. It returns nil unless
// some configuration reports both units.
func firstCallChart(all []results.Summary, sc scope,
	pal palette) *figure {
	restores := sc.restores(all, "")
	ix := newIndex(restores)
	var sums []results.Summary
	for _, s := range results.Select(restores, "restore-ns/op") {
		if _, ok := ix.find(s, "first-call-ns/op"); ok {
			sums = append(sums, s)
		}
	}
	if len(sums) == 0 {
		return nil
	}

	t := newTable(sums, caseOf, strategyOf)
	total := func(s results.Summary) float64 {
		f, _ := ix.find(s, "first-call-ns/op")
		return s.Median + f.Median
	}
	div, ylabel := timeAxis("restore + first call", maxOf(sums, total))
	p := newPlot("case", ylabel)
	p.NominalX(t.groups...)
	fig := newFigure(sc.title("Restore and the first call after it"),
		sc.subtitle("solid: restore-ns/op",
			"pale: first-call-ns/op stacked on it",
			"medians with 95% CI"), p)

	for j, strategy := range t.series {
		c := pal.color(strategy)
		restore := newBars(c, 0)
		first := newBars(lighter(c, 0.55), 0)
		first.line.Color = c
		var iv intervals
		for i, g := range t.groups {
			s, ok := t.cell(g, strategy)
			if !ok {
				continue
			}
			f, _ := ix.find(s, "first-call-ns/op")
			x, w := barX(i, j, len(t.series))
			restore.width, first.width = w, w
			r := s.Median / div
			restore.add(x, 0, r)
			first.add(x, r, r+f.Median/div)
			// Whiskers: the restore's own interval at its top, and
			// the first call's interval shifted onto the stack.
			iv = append(iv,
				interval{x, r, s.Lo / div, s.Hi / div},
				interval{x, r + f.Median/div, r + f.Lo/div,
					r + f.Hi/div})
		}
		p.Add(restore, first)
		if eb := errorBars(iv, errorColor); eb != nil {
			p.Add(eb)
		}
		fig.legend.Add(strategy, restore)
	}
	fig.legend.Add("")
	fig.legend.Add("restore", newBars(color.Gray{0x70}, 0))
	pale := newBars(lighter(color.Gray{0x70}, 0.55), 0)
	pale.line.Color = color.Gray{0x70}
	fig.legend.Add("first call", pale)
	p.Y.Min = 0
	groupRange(p, len(t.groups))
	return fig
}
