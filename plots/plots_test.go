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

func TestDraw(t *testing.T) {
	set, err := results.Read("testdata/raw.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if d := os.Getenv("SNAPLAB_PLOTS_DIR"); d != "" {
		// Keep the charts for a look.
		dir = d
	}
	charts, err := Draw(dir, set.Summaries())
	if err != nil {
		t.Fatal(err)
	}

	want := []string{"latency-default", "fallback-default",
		"first-call-default", "sweep-heap-default",
		"sweep-scratch-default"}
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
