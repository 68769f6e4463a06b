package compare

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"snaplab/lab/internal/golden"
)

// TestText checks the printed comparison of two synthetic runs
// against testdata/compare.golden. The new run saves two vCPU
// ioctls (≈ 13 µs) on every in-place restore.
func TestText(t *testing.T) {
	res, err := Files("testdata/old.txt", "testdata/new.txt",
		DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, res); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/compare.golden", buf.Bytes())
}

func TestRows(t *testing.T) {
	res, err := Files("testdata/old.txt", "testdata/new.txt",
		DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		benchmark, kase, strategy, unit string
		verdict                         string
	}{
		// Thirteen of ≈ 43 µs saved: real and better.
		{"Restore", "same", "adopt", "restore-ns/op", "better"},
		{"Restore", "same", "strict", "vcpu-ns/op", "better"},
		// Thirteen of ≈ 260 µs: significant (p ≈ 0.01) but
		// under the minimum effect.
		{"Restore", "heap-shrink", "subset", "restore-ns/op", "~"},
		// The fallback never sets registers by ioctl.
		{"Restore", "heap-grow", "strict", "restore-ns/op", "~"},
		{"Restore", "heap-grow", "strict", "fallback/op", "~"},
		// The floor is the same ioctl sequence in both runs.
		{"Floor", "same", "", "restore-ns/op", "~"},
		{"Restore", "same", "adopt", "first-call-ns/op", "~"},
	}
	for _, tt := range tests {
		var found *Row
		for i, row := range res.Rows {
			if row.Get("benchmark") == tt.benchmark &&
				row.Get("case") == tt.kase &&
				row.Get("strategy") == tt.strategy &&
				row.Unit == tt.unit {
				found = &res.Rows[i]
			}
		}
		name := strings.Join([]string{tt.benchmark, tt.kase,
			tt.strategy, tt.unit}, " ")
		if found == nil {
			t.Errorf("%s: no row", name)
			continue
		}
		if got := found.Verdict(); got != tt.verdict {
			t.Errorf("%s: verdict %q (change %+.1f%%, p %.3f); "+
				"want %q", name, got, 100*found.Change, found.P,
				tt.verdict)
		}
	}
	if len(res.OnlyOld)+len(res.OnlyNew) != 0 {
		t.Errorf("unmatched configurations: %v %v", res.OnlyOld,
			res.OnlyNew)
	}
}

// TestThresholds checks that a change is real only when both the
// p-value and the effect size clear their thresholds.
func TestThresholds(t *testing.T) {
	base := []float64{100, 101, 99, 100, 102, 98, 100, 101, 99, 100}
	tests := []struct {
		name  string
		scale float64 // the new sample is base*scale
		opt   Options
		want  string
	}{
		{"large and significant", 1.2, DefaultOptions, "worse"},
		{"significant but small", 1.03, DefaultOptions, "~"},
		{"small effect allowed", 1.03,
			Options{Alpha: 0.05, MinEffect: 0.01}, "worse"},
		{"faster", 0.8, DefaultOptions, "better"},
		{"identical", 1, DefaultOptions, "~"},
		{"strict alpha", 1.2, Options{Alpha: 1e-9, MinEffect: 0},
			"~"},
	}
	for _, tt := range tests {
		cur := make([]float64, len(base))
		for i, v := range base {
			cur[i] = v * tt.scale
		}
		old := writeRun(t, "old", base)
		nu := writeRun(t, "new", cur)
		res, err := Files(old, nu, tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) != 2 {
			t.Fatalf("%s: %d rows; want ns/op and restore-ns/op",
				tt.name, len(res.Rows))
		}
		row := res.Rows[1]
		if got := row.Verdict(); got != tt.want {
			t.Errorf("%s: verdict %q (change %+.1f%%, p %.4f); "+
				"want %q", tt.name, got, 100*row.Change, row.P,
				tt.want)
		}
		if tt.scale == 1 && (row.Change != 0 || math.IsNaN(row.P)) {
			t.Errorf("%s: change %v p %v", tt.name, row.Change,
				row.P)
		}
	}
}

func TestBadOptions(t *testing.T) {
	for _, opt := range []Options{{Alpha: 0}, {Alpha: 1.5},
		{Alpha: 0.05, MinEffect: -1}} {
		_, err := Files("testdata/old.txt", "testdata/new.txt", opt)
		if err == nil {
			t.Errorf("options %+v accepted", opt)
		}
	}
}

// writeRun writes a run directory whose BenchmarkRestore reported
// the given restore-ns/op samples.
func writeRun(t *testing.T, name string, restore []float64) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("host: vm\nUnit restore-ns/op better=lower\n")
	for _, v := range restore {
		b.WriteString("BenchmarkRestore/case=same/strategy=adopt-2 " +
			"100 1000 ns/op " +
			strconv.FormatFloat(v, 'f', -1, 64) +
			" restore-ns/op\n")
	}
	dir := filepath.Join(t.TempDir(), name)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	err := os.WriteFile(filepath.Join(dir, "raw.txt"),
		[]byte(b.String()), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
