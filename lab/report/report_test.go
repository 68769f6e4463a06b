package report

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"snaplab/lab/internal/golden"
	"snaplab/lab/results"
)

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
		// A run on the lab's kvm_pvm host under two memory
		// techniques: its bar charts come once per technique, and
		// it reports restore-thread-ns/op.
		{"two mems", []string{"run-mems"}, "out",
			"testdata/report-mems.golden.md", 6},
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
			golden.Check(t, tt.golden, got)
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

// TestThreadHosts checks the restore-thread-ns/op table of a merged
// report: one table per host, each cell with its ratio to the floor
// of its own host, and a dash where every restore fell back.
func TestThreadHosts(t *testing.T) {
	var raw strings.Builder
	for _, h := range []struct {
		name  string
		scale float64
	}{{"a", 1}, {"b", 2}} {
		raw.WriteString("host: " + h.name + "\n")
		for i := range 6 {
			v := h.scale * float64(100+i)
			fmt.Fprintf(&raw, "BenchmarkRestore/case=same/"+
				"strategy=adopt 1 %.0f restore-ns/op %.0f "+
				"restore-thread-ns/op\n", 1.5*v, 1.2*v)
			fmt.Fprintf(&raw, "BenchmarkRestore/case=same/"+
				"strategy=strict 1 %.0f restore-ns/op %.0f "+
				"restore-thread-ns/op\n", 1.4*v, 1.1*v)
			fmt.Fprintf(&raw, "BenchmarkFloor/case=same 1 %.0f "+
				"restore-ns/op %.0f restore-thread-ns/op\n", 1.1*v, v)
			fmt.Fprintf(&raw, "BenchmarkRestore/case=grow/"+
				"strategy=strict 1 %.0f restore-ns/op 1 "+
				"fallback/op\n", 9*v)
			fmt.Fprintf(&raw, "BenchmarkRestore/case=grow/"+
				"strategy=adopt 1 %.0f restore-ns/op %.0f "+
				"restore-thread-ns/op\n", 3*v, 2.5*v)
		}
	}
	path := filepath.Join(t.TempDir(), "raw.txt")
	if err := os.WriteFile(path, []byte(raw.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := results.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	err = Render(&b, Input{Dirs: []string{"run"}, Set: set,
		Summaries: set.Summaries()})
	if err != nil {
		t.Fatal(err)
	}
	got := b.String()
	_, section, _ := strings.Cut(got, "### On the vCPU thread")
	section, _, _ = strings.Cut(section, "\n## ")
	for _, want := range []string{
		"Host `a`:", "Host `b`:",
		"| same | 123 ns ×1.20 | 112 ns ×1.10 |  102 ns |",
		"| grow |       256 ns |            — |       — |",
		"| same | 246 ns ×1.20 | 226 ns ×1.10 |  205 ns |",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("restore-thread section lacks %q:\n%s", want,
				section)
		}
	}
}
