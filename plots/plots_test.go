package plots

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"snaplab/lab/results"
)

// TestDraw draws the charts of three runs and checks their names:
// raw.txt is synthetic, with one memory technique outside the sweeps;
// two-mems.txt is the default scenario as run on the lab's kvm_pvm
// host under guest-cow and host-cow, whose bar charts are split; and
// sizes.txt is the sizes scenario from the same host, four techniques
// over both sweeps.
func TestDraw(t *testing.T) {
	tests := []struct {
		raw  string
		want []string
	}{
		{"raw.txt", []string{"latency-default", "fallback-default",
			"first-call-default", "sweep-heap-default",
			"sweep-scratch-default"}},
		{"two-mems.txt", []string{
			"latency-default-guest-cow", "latency-default-host-cow",
			"fallback-default-guest-cow", "fallback-default-host-cow",
			"first-call-default-guest-cow",
			"first-call-default-host-cow"}},
		{"sizes.txt", []string{"sweep-heap-sizes",
			"sweep-scratch-sizes"}},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			set, err := results.Read(filepath.Join("testdata", tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if d := os.Getenv("SNAPLAB_PLOTS_DIR"); d != "" {
				// Keep the charts for a look.
				dir = filepath.Join(d, strings.TrimSuffix(tt.raw,
					".txt"))
			}
			charts, err := Draw(dir, set.Summaries())
			if err != nil {
				t.Fatal(err)
			}
			checkCharts(t, charts, tt.want)
		})
	}
}

func checkCharts(t *testing.T, charts []Chart, want []string) {
	t.Helper()
	if len(charts) != len(want) {
		t.Fatalf("drew %d charts; want %d: %v", len(charts),
			len(want), charts)
	}
	for i, c := range charts {
		name := strings.TrimSuffix(filepath.Base(c.PNG), ".png")
		if name != want[i] {
			t.Errorf("chart %d is %s; want %s", i, name, want[i])
		}
		checkPNG(t, c.PNG)
		checkSVG(t, c.SVG)
		if c.Title == "" {
			t.Errorf("%s has no title", name)
		}
		if c.Mem != "" && (!strings.HasSuffix(name, "-"+c.Mem) ||
			!strings.Contains(c.Title, "mem="+c.Mem)) {
			t.Errorf("%s, titled %q, of mem %s: want the mem in "+
				"both", name, c.Title, c.Mem)
		}
	}
}

// TestDrawSkips checks that a chart without data is left out rather
// than drawn empty, and that several hosts get one set each.
func TestDrawSkips(t *testing.T) {
	raw := `host: a
BenchmarkRestore/scenario=s/case=same/strategy=adopt 1 5 restore-ns/op
BenchmarkRestore/scenario=s/case=same/strategy=strict 1 6 restore-ns/op
host: b
BenchmarkRestore/scenario=s/case=same/strategy=adopt 1 7 restore-ns/op
BenchmarkPool/scenario=pool/strategy=adopt 1 3 restores/s
`
	dir := t.TempDir()
	path := filepath.Join(dir, "raw.txt")
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := results.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	charts, err := Draw(filepath.Join(dir, "plots"), set.Summaries())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range charts {
		names = append(names, filepath.Base(c.SVG))
	}
	got := strings.Join(names, " ")
	if got != "latency-s-a.svg latency-s-b.svg" {
		t.Errorf("drew %s; want only the latency charts of a and b",
			got)
	}

	none, err := Draw(filepath.Join(dir, "none"), nil)
	if err != nil || len(none) != 0 {
		t.Errorf("Draw(nil) = %v, %v; want nothing", none, err)
	}
}

func checkPNG(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 20<<10 {
		t.Errorf("%s is only %d bytes", path, len(data))
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() != 1296 || b.Dy() != 720 {
		t.Errorf("%s is %dx%d; want 1296x720", path, b.Dx(), b.Dy())
	}
}

func checkSVG(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 10<<10 || !bytes.Contains(data, []byte("<svg")) {
		t.Errorf("%s: %d bytes, not a plausible SVG", path, len(data))
	}
	if !bytes.Contains(data, []byte("sans-serif")) {
		t.Errorf("%s names no fallback font", path)
	}
}

// TestSweepPanels checks that a sweep gets one panel per memory
// technique, on shared axes, and a plain chart when it has one.
func TestSweepPanels(t *testing.T) {
	tests := []struct {
		raw, key   string
		rows, cols int // 0 for a plain chart
	}{
		{"sizes.txt", "heap", 2, 2},
		{"sizes.txt", "scratch", 2, 2},
		{"raw.txt", "heap", 1, 2},
		{"raw.txt", "scratch", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.raw+"/"+tt.key, func(t *testing.T) {
			set, err := results.Read(filepath.Join("testdata", tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			sums := set.Summaries()
			pal := newPalette(results.Values(sums, "strategy"))
			sc := scope{host: "vm",
				scenario: results.Values(sums, "scenario")[0]}
			fig := sweepChart(sums, sc, tt.key, pal)
			if tt.rows == 0 {
				if fig.plot == nil || fig.panels != nil {
					t.Fatalf("want a plain chart; got %d rows of "+
						"panels", len(fig.panels))
				}
				return
			}
			if len(fig.panels) != tt.rows ||
				len(fig.panels[0]) != tt.cols {
				t.Fatalf("got %d rows of panels; want %d×%d",
					len(fig.panels), tt.rows, tt.cols)
			}
			first := fig.panels[0][0]
			for _, row := range fig.panels {
				for _, p := range row {
					if p.Y.Min != first.Y.Min || p.Y.Max != first.Y.Max ||
						p.X.Min != first.X.Min || p.X.Max != first.X.Max {
						t.Errorf("panel %q has axes of its own",
							p.Title.Text)
					}
				}
			}
		})
	}
}
