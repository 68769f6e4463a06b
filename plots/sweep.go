package plots

import (
	"cmp"
	"math"
	"slices"

	"snaplab/lab/results"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sweepChart draws restore-ns/op against region size on log-log axes
// for the sweep cases of the scope's host and scenario that vary key
// ("heap" for case=heap-*, "scratch" for case=scratch-*). The size is
// read from the sub-name key of that name. There is a line per
// strategy, in its colour, and a black one for the floor benchmark
// when the run has one. It returns nil when the sweep is absent.
//
// A sweep run under several memory techniques gets one panel per
// technique, side by side on shared axes. The techniques are what a
// sweep compares: copy grows with the region while the copy-on-write
// resets follow what was touched, and shared axes show that at a
// glance. Within a panel the strategies do the same work on a
// same-layout case, so a gap between their lines is the strategy's
// own overhead. Eight or more lines on one chart, told apart by
// marker and dash, tangle wherever the techniques cost about the
// same, which is where that gap is hardest to see.
func sweepChart(all []results.Summary, sc scope, key string,
	pal palette) *figure {
	var sums []results.Summary
	for _, s := range results.Select(all, "restore-ns/op",
		"host", sc.host, "scenario", sc.scenario) {
		k, ok := results.Sweep(s.Get("case"))
		bench := s.Get("benchmark")
		if ok && k == key && (bench == "Restore" || bench == "Floor") {
			if _, err := results.ParseSize(s.Get(key)); err == nil {
				sums = append(sums, s)
			}
		}
	}
	if len(sums) == 0 {
		return nil
	}

	div, ylabel := timeAxis("restore latency", maxOf(sums, median))
	ylabel += ", log scale"
	xlabel := key + " size (log scale)"
	var sizes []float64
	for _, s := range sums {
		n, _ := results.ParseSize(s.Get(key))
		if !slices.Contains(sizes, float64(n)) {
			sizes = append(sizes, float64(n))
		}
	}
	slices.Sort(sizes)

	fig := newFigure("Restore latency against "+key+" size",
		sc.subtitle("cases "+key+"-*", "median restore-ns/op",
			"whiskers: 95% CI", "points nudged sideways "+
				"so equal lines stay visible"), nil)
	mems := results.Values(sums, "mem")
	if len(mems) == 0 {
		mems = []string{""}
	}
	var panels []*plot.Plot
	var legended []string
	for _, mem := range mems {
		p := newPlot(xlabel, ylabel)
		p.Y.Tick.Marker = log10Ticks{}
		p.X.Tick.Marker = sizeTicks(sizes)
		if len(mems) > 1 {
			p.X.Label.Text, p.Y.Label.Text = "", ""
			p.Title.Text = "mem=" + mem
			p.Title.TextStyle.Font = font.From(sansBold, 10.5)
			p.Title.Padding = vg.Points(4)
		}
		for _, l := range sweepLines(p, results.Select(sums, "",
			"mem", mem), key, div, pal) {
			if !slices.Contains(legended, l.name) {
				legended = append(legended, l.name)
				fig.legend.Add(l.name, l.line, l.points)
			}
		}
		panels = append(panels, p)
	}

	if len(panels) == 1 {
		fig.plot = panels[0]
		return fig
	}
	shareAxes(panels)
	fig.panels = inRows(panels)
	fig.xLabel, fig.yLabel = xlabel, ylabel
	return fig
}

// sweepLine is one series of a sweep panel, for its legend entry.
type sweepLine struct {
	name   string
	line   *plotter.Line
	points *plotter.Scatter
}

// sweepLines adds to p a line per strategy, and one for the floor,
// through the sums' medians, with their confidence intervals, and
// returns them. Values are plotted as log2 of the size and log10 of
// the time; see log10Ticks.
func sweepLines(p *plot.Plot, sums []results.Summary, key string,
	div float64, pal palette) []sweepLine {
	var names []string
	series := map[string][]results.Summary{}
	for _, s := range sums {
		n := s.Get("strategy")
		if s.Get("benchmark") == "Floor" {
			n = floorName
		}
		if _, ok := series[n]; !ok {
			names = append(names, n)
		}
		series[n] = append(series[n], s)
	}

	var out []sweepLine
	for i, name := range names {
		pts := series[name]
		slices.SortFunc(pts, func(a, b results.Summary) int {
			x, _ := results.ParseSize(a.Get(key))
			y, _ := results.ParseSize(b.Get(key))
			return cmp.Compare(x, y)
		})
		// Nudge each series sideways by a twentieth of a doubling
		// so that strategies doing identical work do not hide one
		// another.
		nudge := 0.05 * (float64(i) - float64(len(names)-1)/2)
		var xys plotter.XYs
		var iv intervals
		for _, s := range pts {
			n, _ := results.ParseSize(s.Get(key))
			x := math.Log2(float64(n)) + nudge
			y := logOf(s.Median/div, math.NaN())
			xys = append(xys, plotter.XY{X: x, Y: y})
			iv = append(iv, interval{x, y,
				logOf(s.Lo/div, math.Inf(-1)),
				logOf(s.Hi/div, math.Inf(1))})
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			// A median of zero has no logarithm.
			continue
		}
		c := pal.color(name)
		if name == floorName {
			c = floorColor
		}
		line.LineStyle = draw.LineStyle{Color: c, Width: vg.Points(1.6)}
		points.GlyphStyle = draw.GlyphStyle{Color: c,
			Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}
		p.Add(line, points)
		if eb := errorBars(iv, c); eb != nil {
			eb.LineStyle.Width = vg.Points(0.8)
			eb.CapWidth = vg.Points(4)
			p.Add(eb)
		}
		out = append(out, sweepLine{name, line, points})
	}
	return out
}

// logOf is log10 of v, or alt when v has none (an interval without a
// bound, or a value of zero).
func logOf(v, alt float64) float64 {
	if !(v > 0) || math.IsInf(v, 0) {
		return alt
	}
	return math.Log10(v)
}

// shareAxes gives every panel the range that holds all of them, so
// that a line's height can be compared across panels.
func shareAxes(panels []*plot.Plot) {
	x0, x1 := math.Inf(1), math.Inf(-1)
	y0, y1 := math.Inf(1), math.Inf(-1)
	for _, p := range panels {
		x0, x1 = math.Min(x0, p.X.Min), math.Max(x1, p.X.Max)
		y0, y1 = math.Min(y0, p.Y.Min), math.Max(y1, p.Y.Max)
	}
	for _, p := range panels {
		p.X.Min, p.X.Max = x0, x1
		p.Y.Min, p.Y.Max = y0, y1
	}
}

// inRows lays panels out in rows: two side by side, and up to four in
// two rows of two, which keeps each panel wide enough for its size
// labels; a row left short gets a nil.
func inRows(panels []*plot.Plot) [][]*plot.Plot {
	cols := 2
	if len(panels) > 4 {
		cols = 3
	}
	var rows [][]*plot.Plot
	for i := 0; i < len(panels); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, panels[i:min(i+cols, len(panels))])
		rows = append(rows, row)
	}
	return rows
}

// floorName is the floor benchmark's entry in a legend.
const floorName = "floor (raw ioctls)"
