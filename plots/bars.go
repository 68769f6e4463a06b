package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bars draws rectangles whose position and width are in data units,
// unlike plotter.BarChart whose offsets are in canvas lengths: that
// keeps each bar and its error bar at one x value, and lets a bar sit
// on another for stacking.
type bars struct {
	x, bottom, top []float64
	width          float64 // in x data units
	color          color.Color
	line           draw.LineStyle
}

func newBars(c color.Color, width float64) *bars {
	return &bars{
		width: width,
		color: c,
		line: draw.LineStyle{Color: darker(c, 0.3),
			Width: vg.Points(0.5)},
	}
}

// add appends a bar from bottom to top at x.
func (b *bars) add(x, bottom, top float64) {
	b.x = append(b.x, x)
	b.bottom = append(b.bottom, bottom)
	b.top = append(b.top, top)
}

// Plot implements plot.Plotter.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, x := range b.x {
		x0, x1 := trX(x-b.width/2), trX(x+b.width/2)
		y0, y1 := trY(b.bottom[i]), trY(b.top[i])
		pts := []vg.Point{{X: x0, Y: y0}, {X: x0, Y: y1},
			{X: x1, Y: y1}, {X: x1, Y: y0}}
		c.FillPolygon(b.color, c.ClipPolygonXY(pts))
		outline := append(pts, pts[0])
		c.StrokeLines(b.line, c.ClipLinesXY(outline)...)
	}
}

// DataRange implements plot.DataRanger.
func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for i, x := range b.x {
		xmin = math.Min(xmin, x-b.width/2)
		xmax = math.Max(xmax, x+b.width/2)
		ymin = math.Min(ymin, math.Min(b.bottom[i], b.top[i]))
		ymax = math.Max(ymax, math.Max(b.bottom[i], b.top[i]))
	}
	return xmin, xmax, ymin, ymax
}

// Thumbnail implements plot.Thumbnailer for the legend.
func (b *bars) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y},
		{X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y}}
	c.FillPolygon(b.color, pts)
	c.StrokeLines(b.line, append(pts, pts[0]))
}

// groupRange sets the x range of a chart of n groups of bars, which
// sit at the integers: half a group of room either side, as between
// two groups, so that a label above an outer bar has the room one
// above an inner bar has.
func groupRange(p *plot.Plot, n int) {
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
}

// interval is a median and its confidence interval at x, in the
// chart's scaled units.
type interval struct{ x, y, lo, hi float64 }

// intervals implements plotter.XYer and plotter.YErrorer.
type intervals []interval

func (iv intervals) Len() int                { return len(iv) }
func (iv intervals) XY(i int) (x, y float64) { return iv[i].x, iv[i].y }
func (iv intervals) YError(i int) (float64, float64) {
	return iv[i].y - iv[i].lo, iv[i].hi - iv[i].y
}

// capWidth is the width of a whisker's caps.
var capWidth = vg.Points(5)

// errorBars draws the confidence intervals in iv, leaving out those
// that are unbounded. It returns nil when none is left.
func errorBars(iv intervals, c color.Color) *plotter.YErrorBars {
	var keep intervals
	for _, v := range iv {
		if !math.IsInf(v.lo, 0) && !math.IsInf(v.hi, 0) {
			keep = append(keep, v)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	eb, err := plotter.NewYErrorBars(keep)
	if err != nil {
		// Only NaN values fail, and summaries have none.
		return nil
	}
	eb.LineStyle = draw.LineStyle{Color: c, Width: vg.Points(1)}
	eb.CapWidth = capWidth
	return eb
}

// segment is a horizontal reference line from x0 to x1 at y.
func segment(x0, x1, y float64, style draw.LineStyle) *plotter.Line {
	l, err := plotter.NewLine(plotter.XYs{{X: x0, Y: y}, {X: x1, Y: y}})
	if err != nil {
		return nil
	}
	l.LineStyle = style
	return l
}

// floorStyle is the dashed line of the floor benchmark.
func floorStyle() draw.LineStyle {
	return draw.LineStyle{Color: floorColor, Width: vg.Points(1.5),
		Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
}
