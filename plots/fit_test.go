package plots

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"snaplab/lab/results"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// summariesOf reads benchmark lines written for a test.
func summariesOf(t *testing.T, raw string) []results.Summary {
	t.Helper()
	path := filepath.Join(t.TempDir(), "raw.txt")
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := results.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return set.Summaries()
}

// restoreLines writes samples of restore-ns/op for cases named
// prefix0, prefix1, ... under each strategy, all of about ns.
func restoreLines(cases int, prefix string, strategies []string,
	ns float64) string {
	var b strings.Builder
	for sample := range 6 {
		for c := range cases {
			for _, s := range strategies {
				fmt.Fprintf(&b, "BenchmarkRestore/scenario=s/"+
					"case=%s%d/strategy=%s 1 %.0f restore-ns/op\n",
					prefix, c, s, ns+float64(sample))
			}
		}
	}
	return b.String()
}

// drawn lays a figure out on a canvas of the charts' size.
func drawn(fig *figure) *figure {
	fig.draw(draw.New(vgimg.NewWith(vgimg.UseWH(width, height))))
	return fig
}

func TestBarLabels(t *testing.T) {
	two := []string{"adopt", "strict"}
	tests := []struct {
		name string
		raw  string
		show bool
	}{
		{"few bars, room to spare",
			restoreLines(2, "c", two, 44_100), true},
		{"more bars than maxBarLabels",
			restoreLines(11, "c", two, 44_100), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sums := summariesOf(t, tt.raw)
			pal := newPalette(results.Values(sums, "strategy"))
			fig := drawn(latencyChart(sums, scope{scenario: "s"}, pal))
			if fig.labels.show != tt.show {
				t.Errorf("labels shown: %v; want %v",
					fig.labels.show, tt.show)
			}
			note := strings.Contains(strings.Join(headingText(fig),
				" "), fig.labelNote)
			if note != tt.show {
				t.Errorf("subtitle explains the labels: %v; want %v",
					note, tt.show)
			}
		})
	}
}

// TestCollide places labels on a data canvas of 10 points per unit.
func TestCollide(t *testing.T) {
	type bar struct {
		x, top float64
		text   string
	}
	tests := []struct {
		name string
		bars []bar
		want bool
	}{
		{"apart", []bar{{3, 5, "0.441"}, {7, 5, "0.441"}}, false},
		{"level neighbours wider than their bars",
			[]bar{{4, 5, "0.441"}, {5, 5, "0.441"}}, true},
		{"wider than its bar, above lower neighbours",
			[]bar{{4, 2, "1"}, {5, 8, "fallback"},
				{6, 2, "1"}}, false},
		{"beside a taller neighbour",
			[]bar{{4, 2, "fallback"}, {5, 8, "0.441"}}, true},
		{"above the top", []bar{{5, 9.8, "0.441"}}, true},
		{"past the edge", []bar{{0.2, 5, "fallback"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPlot("", "")
			p.X.Min, p.X.Max = 0, 10
			p.Y.Min, p.Y.Max = 0, 10
			c := draw.New(vgimg.NewWith(vgimg.UseWH(100, 100)))
			l := &barLabels{width: 0.9}
			for _, b := range tt.bars {
				l.add(b.x, b.top, b.text)
			}
			if got := l.collide(c, p); got != tt.want {
				t.Errorf("collide = %v; want %v", got, tt.want)
			}
		})
	}
}

func headingText(fig *figure) []string {
	var out []string
	for _, l := range fig.heading(width, fig.labels.show) {
		out = append(out, l.text)
	}
	return out
}

func TestXLabels(t *testing.T) {
	one := []string{"adopt"}
	tests := []struct {
		name     string
		raw      string
		rotation float64
	}{
		{"short names", restoreLines(6, "c", one, 1e5), 0},
		{"long names", restoreLines(8, "scratch-shrink-", one, 1e5),
			math.Pi / 4},
		{"many groups", restoreLines(60, "scratch-shrink-", one, 1e5),
			math.Pi / 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sums := summariesOf(t, tt.raw)
			pal := newPalette(results.Values(sums, "strategy"))
			fig := drawn(latencyChart(sums, scope{scenario: "s"}, pal))
			if got := fig.plot.X.Tick.Label.Rotation; got != tt.rotation {
				t.Errorf("labels turned by %.2f; want %.2f", got,
					tt.rotation)
			}
		})
	}
}
