package plots

import (
	"image/color"
	"math"

	"snaplab/lab/results"
)

// errorColor draws confidence intervals; near-black reads on every
// strategy colour.
var errorColor = color.Gray{0x20}

func median(s results.Summary) float64 { return s.Median }

// latencyChart draws restore-ns/op per strategy, grouped by case, for
// the BenchmarkRestore cases of the scope that are not part of a size
// sweep. It returns nil when there are none.
func latencyChart(all []results.Summary, sc scope, pal palette) *figure {
	sums := sc.restores(all, "restore-ns/op")
	if len(sums) == 0 {
		return nil
	}
	t := newTable(sums, caseOf, strategyOf)
	div, ylabel := timeAxis("restore latency", maxOf(sums, median))

	p := newPlot("case", ylabel)
	p.NominalX(t.groups...)
	fig := newFigure(sc.title("Restore latency per strategy"),
		sc.subtitle("median restore-ns/op", "whiskers: 95% CI"), p)
	labels := &barLabels{}
	_, labels.width = barX(0, 0, len(t.series))
	for j, strategy := range t.series {
		b, iv := strategyBars(t, j, pal.color(strategy), div)
		p.Add(b)
		if eb := errorBars(iv, errorColor); eb != nil {
			p.Add(eb)
		}
		fig.legend.Add(strategy, b)
		for _, v := range iv {
			labels.add(v.x, math.Max(v.y, finite(v.hi, v.y)),
				tickValue(v.y))
		}
	}
	fig.withLabels(labels, "labels: median")
	p.Y.Min = 0
	groupRange(p, len(t.groups))
	p.Y.Max = maxTop(t, div) * 1.08
	return fig
}

// tickValue writes a bar's value in the axis unit with three
// significant digits.
func tickValue(v float64) string {
	return results.FormatValue(v, "")
}

// strategyBars builds the bars of series j of t, one per group that
// has it, scaled by div, and their confidence intervals.
func strategyBars(t *table, j int, c color.Color, div float64) (*bars,
	intervals) {
	b := newBars(c, 0)
	var iv intervals
	for i, g := range t.groups {
		s, ok := t.cell(g, t.series[j])
		if !ok {
			continue
		}
		x, w := barX(i, j, len(t.series))
		b.width = w
		b.add(x, 0, s.Median/div)
		iv = append(iv, interval{x, s.Median / div, s.Lo / div,
			s.Hi / div})
	}
	return b, iv
}
