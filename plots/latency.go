package plots

import (
	"image/color"
	"math"

	"snaplab/lab/results"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// errorColor draws confidence intervals; near-black reads on every
// strategy colour.
var errorColor = color.Gray{0x20}

func median(s results.Summary) float64 { return s.Median }

// latencyChart draws restore-ns/op per strategy, grouped by case, for
// the BenchmarkRestore cases of one host and scenario that are not
// part of a size sweep. It returns nil when there are none.
func latencyChart(all []results.Summary, host, scenario string,
	pal palette) *figure {
	sums := notSweep(results.Select(all, "restore-ns/op",
		"benchmark", "Restore", "host", host, "scenario", scenario))
	if len(sums) == 0 {
		return nil
	}
	t := newTable(sums, caseLabel(sums), strategyOf)
	div, ylabel := timeAxis("restore latency", maxOf(sums, median))

	p := newPlot("case", ylabel)
	p.NominalX(t.groups...)
	fig := newFigure("Restore latency per strategy",
		subtitle(host, scenario, "median restore-ns/op, "+
			"whiskers: 95% CI, labels: median"), p)
	var labels plotter.XYLabels
	for j, strategy := range t.series {
		b, iv := strategyBars(t, j, pal.color(strategy), div)
		p.Add(b)
		if eb := errorBars(iv, errorColor); eb != nil {
			p.Add(eb)
		}
		fig.legend.Add(strategy, b)
		for _, v := range iv {
			labels.XYs = append(labels.XYs, plotter.XY{X: v.x,
				Y: math.Max(v.y, finite(v.hi, v.y))})
			labels.Labels = append(labels.Labels, tickValue(v.y))
		}
	}
	addLabels(p, labels)
	p.Y.Min = 0
	p.Y.Max = maxTop(t, div) * 1.08
	return fig
}

// tickValue writes a bar's value in the axis unit with three
// significant digits.
func tickValue(v float64) string {
	return results.FormatValue(v, "")
}

// addLabels draws small labels just above the given points.
func addLabels(p *plot.Plot, labels plotter.XYLabels) {
	if len(labels.Labels) == 0 {
		return
	}
	l, err := plotter.NewLabels(labels)
	if err != nil {
		return
	}
	for i := range l.TextStyle {
		l.TextStyle[i] = labelStyle()
	}
	l.Offset = vg.Point{Y: vg.Points(3)}
	p.Add(l)
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
