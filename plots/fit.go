package plots

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxBarLabels is the most bars a chart labels: past it the labels
// become a texture to decode rather than values to read, even where
// they do not touch.
const maxBarLabels = 20

// labelGap is the space between a bar's whisker and its label.
var labelGap = vg.Points(3)

// barLabels writes a short text, such as the median, above each bar
// of a chart. The figure shows all of them or none (see fit):
// with some bars labelled, a reader would take the bare ones for
// bars without a value.
type barLabels struct {
	x, top []float64 // a bar's centre and its whisker's top, data units
	text   []string  // a bar's label, or ""
	width  float64   // of a bar, in data units
	show   bool
}

// fit reports whether the labels should be shown on the data canvas
// c: there is one to show, there are at most maxBarLabels bars, and
// no label collides.
func (l *barLabels) fit(c draw.Canvas, p *plot.Plot) bool {
	some := false
	for _, t := range l.text {
		some = some || t != ""
	}
	return some && len(l.x) <= maxBarLabels && !l.collide(c, p)
}

// add notes the bar centred at x whose whisker ends at top, labelled
// text; an empty text leaves it bare, though still in labels' way.
func (l *barLabels) add(x, top float64, text string) {
	l.x = append(l.x, x)
	l.top = append(l.top, top)
	l.text = append(l.text, text)
}

// Plot implements plot.Plotter.
func (l *barLabels) Plot(c draw.Canvas, p *plot.Plot) {
	if !l.show {
		return
	}
	trX, trY := p.Transforms(&c)
	style := labelStyle()
	for i, t := range l.text {
		if t == "" {
			continue
		}
		c.FillText(style, vg.Point{X: trX(l.x[i]),
			Y: trY(l.top[i]) + labelGap}, t)
	}
}

// collide reports whether, on the data canvas c, a label would run
// into another label or into another bar or its whisker, or leave
// the canvas. A label wider than its bar is fine above neighbours
// lower than it, which keeps the "fallback" over strict's tall bars.
func (l *barLabels) collide(c draw.Canvas, p *plot.Plot) bool {
	trX, trY := p.Transforms(&c)
	style := labelStyle()
	margin := vg.Points(1)
	labels := make([]vg.Rectangle, len(l.text))
	bars := make([]vg.Rectangle, len(l.text))
	for i, t := range l.text {
		x, top := trX(l.x[i]), trY(l.top[i])
		labels[i] = style.Rectangle(t).Add(vg.Point{X: x,
			Y: top + labelGap})
		half := max(trX(l.x[i]+l.width/2)-x, capWidth/2)
		bars[i] = vg.Rectangle{Min: vg.Point{X: x - half, Y: c.Min.Y},
			Max: vg.Point{X: x + half, Y: top}}
	}
	for i, r := range labels {
		if l.text[i] == "" {
			continue
		}
		if r.Min.X < c.Min.X || r.Max.X > c.Max.X || r.Max.Y > c.Max.Y {
			return true
		}
		for j := range labels {
			if j == i {
				continue
			}
			if l.text[j] != "" && overlap(r, labels[j], margin) ||
				overlap(r, bars[j], margin) {
				return true
			}
		}
	}
	return false
}

// overlap reports whether a and b come closer than margin.
func overlap(a, b vg.Rectangle, margin vg.Length) bool {
	return a.Min.X < b.Max.X+margin && b.Min.X < a.Max.X+margin &&
		a.Min.Y < b.Max.Y+margin && b.Min.Y < a.Max.Y+margin
}

// fitXLabels turns the tick labels of an x axis with constant ticks,
// such as a nominal axis or the sizes of a sweep, as far as they need
// so that neighbours do not touch when p is drawn on c: level, then
// at 45°, then upright. Turned labels hang down and left from their
// tick, below the y axis's labels, so the only thing the first can
// reach is the edge of c.
func fitXLabels(p *plot.Plot, c draw.Canvas) {
	all, ok := p.X.Tick.Marker.(plot.ConstantTicks)
	if !ok {
		return
	}
	var ticks []plot.Tick
	for _, t := range all {
		if t.Label != "" && t.Value >= p.X.Min && t.Value <= p.X.Max {
			ticks = append(ticks, t)
		}
	}
	if len(ticks) < 2 {
		return
	}
	data := p.DataCanvas(c)
	trX, _ := p.Transforms(&data)
	style := p.X.Tick.Label
	gap := vg.Points(4)

	level := true
	closest := vg.Length(math.Inf(1))
	for i := 1; i < len(ticks); i++ {
		apart := trX(ticks[i].Value) - trX(ticks[i-1].Value)
		closest = min(closest, apart)
		if style.Width(ticks[i-1].Label)/2+
			style.Width(ticks[i].Label)/2+gap > apart {
			level = false
		}
	}
	if level {
		// plot.NominalX moves the y axis right by half the first
		// label's width, though the label may have that room
		// already, left of its tick inside the data.
		room := trX(ticks[0].Value) - data.Min.X
		need := style.Width(ticks[0].Label)/2 + gap - room
		p.Y.Padding = min(p.Y.Padding, max(vg.Points(2), need))
		return
	}
	angle := math.Pi / 2
	if closest*vg.Length(math.Sin(math.Pi/4)) >=
		style.Height(ticks[0].Label)+gap {
		angle = math.Pi / 4
	}
	p.X.Tick.Label.Rotation = angle
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YTop

	// A level label needed the y axis moved right by half its
	// width (plot.NominalX does that); a turned one only needs to
	// stay inside c.
	reach := -p.X.Tick.Label.Rectangle(ticks[0].Label).Min.X
	left := trX(ticks[0].Value) - c.Min.X - p.Y.Padding
	p.Y.Padding = max(vg.Points(2), reach+gap-left)
}

// fitLogY thins the labels of a log10Ticks y axis until neighbours
// leave a gap when p is drawn on c: 1, 2 and 5 times each power of
// ten, then 1 and 3, then the powers of ten alone.
func fitLogY(p *plot.Plot, c draw.Canvas) {
	if _, ok := p.Y.Tick.Marker.(log10Ticks); !ok {
		return
	}
	data := p.DataCanvas(c)
	_, trY := p.Transforms(&data)
	room := p.Y.Tick.Label.Height("0") + vg.Points(2)
	for _, marker := range []log10Ticks{{}, {labels: []int{1, 3}},
		{labels: []int{1}}} {
		p.Y.Tick.Marker = marker
		spaced := true
		last := vg.Length(math.Inf(-1))
		for _, t := range marker.Ticks(p.Y.Min, p.Y.Max) {
			if t.Label == "" {
				continue
			}
			y := trY(t.Value)
			spaced = spaced && y-last >= room
			last = y
		}
		if spaced {
			return
		}
	}
}
