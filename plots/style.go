package plots

import (
	"image/color"
	"slices"

	xfont "golang.org/x/image/font"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// strategyColors fixes the colour of each strategy the lab knows, from
// the Okabe-Ito palette, which stays distinct for colour-blind readers
// and in greyscale print.
var strategyColors = map[string]color.RGBA{
	"strict":              {0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	"subset":              {0xE6, 0x9F, 0x00, 0xFF}, // orange
	"subset:scratch_size": {0xCC, 0x79, 0xA7, 0xFF}, // purple
	"adopt":               {0x00, 0x72, 0xB2, 0xFF}, // blue
	"adopt-remap-first":   {0x56, 0xB4, 0xE9, 0xFF}, // sky blue
}

// spareColors go, in order, to strategies the lab does not know.
var spareColors = []color.RGBA{
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0x8C, 0x56, 0x4B, 0xFF}, // brown
	{0xB8, 0xA1, 0x00, 0xFF}, // dark yellow
	{0x7F, 0x7F, 0x7F, 0xFF}, // grey
	{0x6A, 0x3D, 0x9A, 0xFF}, // violet
}

// floorColor draws the floor benchmark, which is no strategy.
var floorColor = color.RGBA{0x22, 0x22, 0x22, 0xFF}

// palette hands out strategy colours. Unknown strategies are given
// spare colours in name order, so that every chart of one Draw, and
// every Draw over the same strategies, agrees.
type palette map[string]color.Color

func newPalette(strategies []string) palette {
	p := palette{}
	var unknown []string
	for _, s := range strategies {
		if c, ok := strategyColors[s]; ok {
			p[s] = c
		} else if !slices.Contains(unknown, s) {
			unknown = append(unknown, s)
		}
	}
	slices.Sort(unknown)
	for i, s := range unknown {
		p[s] = spareColors[i%len(spareColors)]
	}
	return p
}

func (p palette) color(strategy string) color.Color {
	if c, ok := p[strategy]; ok {
		return c
	}
	return spareColors[len(spareColors)-1]
}

// lighter mixes c with white; frac 0 keeps c, 1 gives white.
func lighter(c color.Color, frac float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 {
		f := float64(v>>8)*(1-frac) + 255*frac
		return uint8(f + 0.5)
	}
	return color.RGBA{mix(r), mix(g), mix(b), 0xFF}
}

// darker mixes c with black; frac 0 keeps c, 1 gives black.
func darker(c color.Color, frac float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 {
		return uint8(float64(v>>8)*(1-frac) + 0.5)
	}
	return color.RGBA{mix(r), mix(g), mix(b), 0xFF}
}

// The size of every chart. At pngDPI the PNG is 1296×720 pixels.
const (
	width  = 9 * vg.Inch
	height = 5 * vg.Inch
	pngDPI = 144
)

var (
	sans     = font.Font{Typeface: "Liberation", Variant: "Sans"}
	sansBold = font.Font{Typeface: "Liberation", Variant: "Sans",
		Weight: xfont.WeightBold}
	gridColor = color.Gray{0xE0}
)

// newPlot returns a plot with the lab's fonts, a light horizontal
// grid and the given axis labels. The title belongs to the figure.
func newPlot(x, y string) *plot.Plot {
	p := plot.New()
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle = axisLabelStyle()
		ax.Tick.Label.Font = font.From(sans, 9.5)
		ax.Padding = vg.Points(2)
		ax.Label.Padding = vg.Points(6)
	}
	p.X.Label.Text = x
	p.Y.Label.Text = y
	p.Y.Tick.Marker = linearTicks{}

	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = gridColor
	grid.Horizontal.Width = vg.Points(0.6)
	p.Add(grid)
	return p
}

func titleStyle() text.Style {
	return text.Style{Color: color.Black, Font: font.From(sansBold, 13),
		XAlign: draw.XLeft, YAlign: draw.YTop,
		Handler: plot.DefaultTextHandler}
}

func subtitleStyle() text.Style {
	return text.Style{Color: color.Gray{0x55}, Font: font.From(sans, 10),
		XAlign: draw.XLeft, YAlign: draw.YTop,
		Handler: plot.DefaultTextHandler}
}

// axisLabelStyle is the style of an axis label, horizontal and
// centred above the point it is drawn at.
func axisLabelStyle() text.Style {
	return text.Style{Color: color.Black, Font: font.From(sans, 11),
		XAlign: draw.XCenter, YAlign: draw.YBottom,
		Handler: plot.DefaultTextHandler}
}

// newLegend returns a legend in the lab's fonts, meant for the strip
// right of the plot.
func newLegend() plot.Legend {
	l := plot.NewLegend()
	l.TextStyle.Font = font.From(sans, 10)
	l.Top = true
	l.Left = true
	l.ThumbnailWidth = vg.Points(18)
	l.Padding = vg.Points(3)
	return l
}

// labelStyle is the style of the small labels drawn above bars.
func labelStyle() text.Style {
	return text.Style{
		Color:   color.Gray{0x30},
		Font:    font.From(sans, 8),
		XAlign:  draw.XCenter,
		YAlign:  draw.YBottom,
		Handler: plot.DefaultTextHandler,
	}
}
