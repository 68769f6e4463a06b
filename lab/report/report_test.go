package report

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// copyRun copies testdata/name into dir, so that the report and its
// charts are written outside the source tree.
func copyRun(t *testing.T, dir, name string) string {
	t.Helper()
	dst := filepath.Join(dir, name)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", name,
			e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		err = os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644)
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name   string
		runs   []string
		out    string // "" writes into the first run
		golden string
		charts int
	}{
		{"one run", []string{"run-vm"}, "",
			"testdata/report-vm.golden.md", 5},
		{"two hosts", []string{"run-vm", "run-metal"}, "merged",
			"testdata/report-merged.golden.md", 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			var dirs []string
			for _, r := range tt.runs {
				dirs = append(dirs, copyRun(t, tmp, r))
			}
			opt := Options{Dirs: dirs}
			want := dirs[0]
			if tt.out != "" {
				opt.Out = filepath.Join(tmp, tt.out)
				want = opt.Out
			}
			path, err := Write(opt)
			if err != nil {
				t.Fatal(err)
			}
			if path != filepath.Join(want, ReportFile) {
				t.Errorf("report at %s; want it in %s", path, want)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.golden, got)
			checkOutputs(t, want, string(got), tt.charts)
		})
	}
}

// checkOutputs checks that summary.csv and every chart the report
// links to exist.
func checkOutputs(t *testing.T, dir, report string, charts int) {
	t.Helper()
	csv, err := os.ReadFile(filepath.Join(dir, "summary.csv"))
	if err != nil || !bytes.HasPrefix(csv, []byte("host,benchmark,")) {
		t.Errorf("summary.csv: %v %.40q", err, csv)
	}
	links := 0
	for _, line := range strings.Split(report, "\n") {
		_, rest, ok := strings.Cut(line, "](")
		if !ok || !strings.HasPrefix(line, "![") {
			continue
		}
		link, _, _ := strings.Cut(rest, ")")
		links++
		data, err := os.ReadFile(filepath.Join(dir, link))
		if err != nil {
			t.Errorf("linked chart: %v", err)
			continue
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%s: %v", link, err)
		}
	}
	if links != charts {
		t.Errorf("report links %d charts; want %d", links, charts)
	}
}

func TestWriteErrors(t *testing.T) {
	if _, err := Write(Options{}); err == nil {
		t.Error("Write with no directories succeeded")
	}
	_, err := Write(Options{Dirs: []string{t.TempDir()}})
	if err == nil || !strings.Contains(err.Error(), "raw.txt") {
		t.Errorf("Write on a directory without raw.txt: %v", err)
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update "+
			"and review the diff", path)
	}
}
