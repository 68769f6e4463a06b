package plots

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// figure is a plot under a title and a subtitle, with its legend in
// a strip to its right, where it cannot hide a bar or a line.
type figure struct {
	title, subtitle string
	plot            *plot.Plot // nil when the figure has panels
	legend          plot.Legend

	// panels are small multiples on shared axes, in rows, drawn
	// instead of plot; a short row ends in nils. xLabel and yLabel
	// are their axis labels, written once for all of them.
	panels         [][]*plot.Plot
	xLabel, yLabel string

	// labels are the texts above the bars, if the chart has any,
	// and labelNote the subtitle's words on them; both are left out
	// when the labels would collide.
	labels    *barLabels
	labelNote string

	fitted bool // fit has run: both formats get one layout
}

func newFigure(title, subtitle string, p *plot.Plot) *figure {
	return &figure{title: title, subtitle: subtitle, plot: p,
		legend: newLegend()}
}

// withLabels adds l to the plot, to be shown if they fit, and the
// note that explains them.
func (f *figure) withLabels(l *barLabels, note string) {
	f.labels, f.labelNote = l, note
	f.plot.Add(l)
}

func (f *figure) draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	pad := vg.Points(12)
	c = draw.Crop(c, pad, -pad, pad/2, -pad)

	r := f.legend.Rectangle(c)
	lw := r.Max.X - r.Min.X
	plotArea := c
	if lw > 0 {
		plotArea = draw.Crop(c, 0, -(lw + pad), 0, 0)
	}

	// Whether the bar labels fit depends on the plot's height, and
	// so on how many lines the subtitle takes with their note:
	// fit with the note, and drop it with the labels.
	heading := f.heading(c.Size().X, true)
	plotArea.Max.Y = c.Max.Y - headingHeight(heading)
	f.fit(plotArea)
	if f.labels == nil || !f.labels.show {
		heading = f.heading(c.Size().X, false)
		plotArea.Max.Y = c.Max.Y - headingHeight(heading)
	}

	// The title and subtitle span the figure, flush left.
	y := c.Max.Y
	for _, line := range heading {
		c.FillText(line.style, vg.Point{X: c.Min.X, Y: y}, line.text)
		y -= line.style.Height(line.text) + headingLeading
	}
	if f.plot != nil {
		f.plot.Draw(plotArea)
	} else {
		f.drawPanels(plotArea)
	}
	if lw > 0 {
		c.Max.Y = plotArea.Max.Y
		f.legend.Draw(draw.Crop(c, c.Size().X-lw, 0, 0, 0))
	}
}

// fit lays the figure out for the canvas its plot or panels will be
// drawn on, once: it thins the labels of a log y axis and turns x
// labels that would touch, then shows the bar labels only if none
// collides.
func (f *figure) fit(c draw.Canvas) {
	if f.fitted {
		return
	}
	f.fitted = true
	if f.plot == nil {
		tiles, area := f.grid(c)
		canvases := plot.Align(f.panels, tiles, area)
		for j, row := range f.panels {
			for i, p := range row {
				if p != nil {
					fitLogY(p, canvases[j][i])
					fitXLabels(p, canvases[j][i])
				}
			}
		}
		return
	}
	fitLogY(f.plot, c)
	fitXLabels(f.plot, c)
	if l := f.labels; l != nil {
		l.show = l.fit(f.plot.DataCanvas(c), f.plot)
	}
}

// grid returns the tiling of the panels and the part of c they
// share, inside the axis labels.
func (f *figure) grid(c draw.Canvas) (draw.Tiles, draw.Canvas) {
	space := axisLabelStyle().Height(f.yLabel) + vg.Points(6)
	tiles := draw.Tiles{Rows: len(f.panels), Cols: len(f.panels[0]),
		PadX: vg.Points(14), PadY: vg.Points(10)}
	return tiles, draw.Crop(c, space, 0, space, 0)
}

// drawPanels draws the panels in a grid on c, their data areas of one
// size and aligned, with the axis labels along the grid's left and
// bottom edges.
func (f *figure) drawPanels(c draw.Canvas) {
	style := axisLabelStyle()
	vertical := style
	vertical.Rotation = math.Pi / 2
	vertical.YAlign = draw.YTop
	c.FillText(vertical, vg.Point{X: c.Min.X,
		Y: (c.Min.Y + c.Max.Y) / 2}, f.yLabel)
	c.FillText(style, vg.Point{X: (c.Min.X + c.Max.X) / 2,
		Y: c.Min.Y}, f.xLabel)

	tiles, area := f.grid(c)
	canvases := plot.Align(f.panels, tiles, area)
	for j, row := range f.panels {
		for i, p := range row {
			if p != nil {
				p.Draw(canvases[j][i])
			}
		}
	}
}

// headingLine is one line of a figure's title or subtitle.
type headingLine struct {
	text  string
	style text.Style
}

// headingLeading is the space between the heading's lines.
var headingLeading = vg.Points(3)

// heading breaks the title and subtitle into lines that fit width,
// the title between words and the subtitle between its "·"-separated
// parts; withNote adds the note on the bar labels.
func (f *figure) heading(width vg.Length, withNote bool) []headingLine {
	sub := f.subtitle
	if withNote && f.labelNote != "" {
		if sub != "" {
			sub += " · "
		}
		sub += f.labelNote
	}
	var lines []headingLine
	for _, part := range []struct {
		text, sep string
		style     text.Style
	}{{f.title, " ", titleStyle()}, {sub, " · ", subtitleStyle()}} {
		for _, t := range wrap(part.style, part.text, part.sep, width) {
			lines = append(lines, headingLine{t, part.style})
		}
	}
	return lines
}

// headingHeight is the height of the heading's lines and the space
// below them.
func headingHeight(lines []headingLine) vg.Length {
	h := vg.Points(6)
	for _, l := range lines {
		h += l.style.Height(l.text) + headingLeading
	}
	return h
}

// wrap breaks s into lines no wider than width between the parts sep
// separates; a part wider than a line gets a line of its own.
func wrap(style text.Style, s, sep string, width vg.Length) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, sep)
	var lines []string
	line := parts[0]
	for _, p := range parts[1:] {
		if style.Width(line+sep+p) > width {
			lines = append(lines, line)
			line = p
			continue
		}
		line += sep + p
	}
	return append(lines, line)
}

// fontFallback lets a viewer without the Liberation fonts use a sans
// serif with the same metrics instead of its default serif.
var fontFallback = []struct{ from, to string }{
	{"font-family:Liberation Sans;",
		"font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"},
}

// save writes the figure as dir/name.svg and dir/name.png and returns
// both paths.
func (f *figure) save(dir, name string) (svgPath, pngPath string,
	err error) {
	svgPath = filepath.Join(dir, name+".svg")
	pngPath = filepath.Join(dir, name+".png")

	sc := vgsvg.NewWith(vgsvg.UseWH(width, height))
	f.draw(draw.New(sc))
	var buf bytes.Buffer
	if _, err := sc.WriteTo(&buf); err != nil {
		return "", "", fmt.Errorf("plots: render %s: %w", svgPath, err)
	}
	svg := buf.Bytes()
	for _, fb := range fontFallback {
		svg = bytes.ReplaceAll(svg, []byte(fb.from), []byte(fb.to))
	}
	if err := os.WriteFile(svgPath, svg, 0o644); err != nil {
		return "", "", fmt.Errorf("plots: %w", err)
	}

	ic := vgimg.NewWith(vgimg.UseWH(width, height),
		vgimg.UseDPI(pngDPI))
	f.draw(draw.New(ic))
	buf.Reset()
	if _, err := (vgimg.PngCanvas{Canvas: ic}).WriteTo(&buf); err != nil {
		return "", "", fmt.Errorf("plots: render %s: %w", pngPath, err)
	}
	if err := os.WriteFile(pngPath, buf.Bytes(), 0o644); err != nil {
		return "", "", fmt.Errorf("plots: %w", err)
	}
	return svgPath, pngPath, nil
}
