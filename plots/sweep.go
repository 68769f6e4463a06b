package plots

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strings"

	"snaplab/lab/results"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sweepChart draws restore-ns/op against region size on log-log axes
// for the sweep cases of one host and scenario that vary key ("heap"
// for case=heap-*, "scratch" for case=scratch-*). The size is read
// from the sub-name key of that name. There is one line per strategy,
// dashed differently per memory technique when the sweep has several,
// and a black line for the floor benchmark when the run has one. It
// returns nil when the sweep is absent.
func sweepChart(all []results.Summary, host, scenario, key string,
	pal palette) *figure {
	var sums []results.Summary
	for _, s := range results.Select(all, "restore-ns/op",
		"host", host, "scenario", scenario) {
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

	mems := results.Values(sums, "mem")
	series := func(s results.Summary) string {
		name := s.Get("strategy")
		if s.Get("benchmark") == "Floor" {
			name = "floor (raw ioctls)"
		}
		return name + "\x00" + s.Get("mem")
	}
	var names []string
	lines := map[string][]results.Summary{}
	for _, s := range sums {
		n := series(s)
		if _, ok := lines[n]; !ok {
			names = append(names, n)
		}
		lines[n] = append(lines[n], s)
	}

	div, ylabel := timeAxis("restore latency", maxOf(sums, median))
	p := newPlot(key+" size (log scale)", ylabel+", log scale")
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.Y.Tick.Marker = logTicks{}
	var sizes []float64
	for _, s := range sums {
		n, _ := results.ParseSize(s.Get(key))
		if !slices.Contains(sizes, float64(n)) {
			sizes = append(sizes, float64(n))
		}
	}
	slices.Sort(sizes)
	p.X.Tick.Marker = sizeTicks(sizes)

	fig := newFigure("Restore latency against "+key+" size",
		subtitle(host, scenario, "cases "+key+"-*, median "+
			"restore-ns/op, whiskers: 95% CI; points nudged "+
			"sideways so equal lines stay visible"), p)
	var legended []string
	for i, name := range names {
		pts := lines[name]
		slices.SortFunc(pts, func(a, b results.Summary) int {
			x, _ := results.ParseSize(a.Get(key))
			y, _ := results.ParseSize(b.Get(key))
			return cmp.Compare(x, y)
		})
		// Nudge each series sideways by a few percent, in log
		// space, so that strategies doing identical work do not
		// hide one another.
		nudge := math.Pow(2, 0.05*(float64(i)-float64(len(names)-1)/2))
		var xys plotter.XYs
		var iv intervals
		for _, s := range pts {
			n, _ := results.ParseSize(s.Get(key))
			x := float64(n) * nudge
			xys = append(xys, plotter.XY{X: x, Y: s.Median / div})
			iv = append(iv, interval{x, s.Median / div,
				s.Lo / div, s.Hi / div})
		}
		line, scatter, err := plotter.NewLinePoints(xys)
		if err != nil {
			continue
		}
		style := sweepStyle(pal, pts[0], mems)
		line.LineStyle = style
		scatter.GlyphStyle = draw.GlyphStyle{Color: style.Color,
			Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}
		p.Add(line, scatter)
		if eb := errorBars(iv, style.Color); eb != nil {
			eb.LineStyle.Width = vg.Points(0.8)
			eb.CapWidth = vg.Points(4)
			p.Add(eb)
		}
		// The legend names each colour once; with several memory
		// techniques the dashes get entries of their own.
		label, _, _ := strings.Cut(name, "\x00")
		if !slices.Contains(legended, label) {
			legended = append(legended, label)
			solid := *line
			solid.LineStyle.Dashes = nil
			fig.legend.Add(label, &solid, scatter)
		}
	}
	if len(mems) > 1 {
		fig.legend.Add("")
		for _, m := range mems {
			l := segment(0, 1, 0, sweepStyle(pal,
				results.Summary{Keys: []results.KeyValue{
					{Key: "benchmark", Value: "Floor"},
					{Key: "mem", Value: m}}}, mems))
			l.LineStyle.Color = color.Gray{0x70}
			fig.legend.Add("mem="+m, l)
		}
	}
	return fig
}

// sweepStyle colours a line by strategy (black for the floor) and
// dashes it by memory technique.
func sweepStyle(pal palette, s results.Summary,
	mems []string) draw.LineStyle {
	style := draw.LineStyle{Color: pal.color(s.Get("strategy")),
		Width: vg.Points(1.6)}
	if s.Get("benchmark") == "Floor" {
		style.Color = floorColor
	}
	if i := slices.Index(mems, s.Get("mem")); i > 0 {
		dashes := [][]vg.Length{
			{vg.Points(6), vg.Points(3)},
			{vg.Points(2), vg.Points(2)},
			{vg.Points(8), vg.Points(2), vg.Points(2), vg.Points(2)},
		}
		style.Dashes = dashes[(i-1)%len(dashes)]
	}
	return style
}
