package plots

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"path/filepath"

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
	plot            *plot.Plot
	legend          plot.Legend
}

func newFigure(title, subtitle string, p *plot.Plot) *figure {
	return &figure{title: title, subtitle: subtitle, plot: p,
		legend: newLegend()}
}

func (f *figure) draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	pad := vg.Points(12)
	c = draw.Crop(c, pad, -pad, pad/2, -pad)

	// The title and subtitle span the figure, flush left.
	y := c.Max.Y
	for _, line := range []struct {
		text  string
		style text.Style
	}{{f.title, titleStyle()}, {f.subtitle, subtitleStyle()}} {
		if line.text == "" {
			continue
		}
		c.FillText(line.style, vg.Point{X: c.Min.X, Y: y}, line.text)
		y -= line.style.Height(line.text) + vg.Points(3)
	}
	c.Max.Y = y - vg.Points(6)

	r := f.legend.Rectangle(c)
	lw := r.Max.X - r.Min.X
	if lw == 0 {
		f.plot.Draw(c)
		return
	}
	f.plot.Draw(draw.Crop(c, 0, -(lw + pad), 0, 0))
	f.legend.Draw(draw.Crop(c, c.Size().X-lw, 0, 0, 0))
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
