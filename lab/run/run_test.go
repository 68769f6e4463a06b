package run

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/perf/benchfmt"

	"snaplab/vmcore"
)

// TestRunSmoke runs the smoke scenario once and reads raw.txt back
// with benchfmt.
func TestRunSmoke(t *testing.T) {
	if err := vmcore.Available(); err != nil {
		t.Skipf("KVM unavailable: %v", err)
	}
	if testing.Short() {
		t.Skip("compiles and runs the benchmarks; skipped with -short")
	}
	out := t.TempDir()
	var calls, lastDone, lastTotal int
	res, err := Run(context.Background(), Options{
		Scenarios: []string{"../../scenarios/smoke.toml"},
		Count:     1,
		Benchtime: "2x",
		Out:       out,
		Progress: func(done, total int, current string) {
			calls++
			lastDone, lastTotal = done, total
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Raw != filepath.Join(res.Dir, RawFile) ||
		filepath.Dir(res.Dir) != out ||
		!strings.HasSuffix(res.Dir, "-smoke") {
		t.Errorf("result in %s, raw.txt at %s", res.Dir, res.Raw)
	}
	if lastDone != lastTotal || calls != lastTotal+1 {
		t.Errorf("progress: %d calls, last %d/%d", calls, lastDone,
			lastTotal)
	}

	f, err := os.Open(res.Raw)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := benchfmt.NewReader(f, res.Raw)
	n := 0
	for r.Scan() {
		switch rec := r.Result().(type) {
		case *benchfmt.SyntaxError:
			t.Error(rec)
		case *benchfmt.Result:
			n++
			for _, key := range []string{"goos", "goarch", "pkg", "cpu",
				"kernel", "kvm-backend", "commit", "scenario",
				"scenario-digest", "host"} {
				if rec.GetConfig(key) == "" {
					t.Errorf("%s: no %s", rec.Name.Full(), key)
				}
			}
			if rec.GetConfig("scenario") != "smoke" {
				t.Errorf("%s: scenario %q", rec.Name.Full(),
					rec.GetConfig("scenario"))
			}
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if n != res.Lines || n == 0 {
		t.Errorf("read %d results, run wrote %d", n, res.Lines)
	}
	if u := r.Units(); len(u) == 0 {
		t.Error("no Unit lines")
	}
	checkBenchstatGroups(t, res.Raw)
}

// checkBenchstatGroups runs the upstream benchstat on a raw.txt the
// runner produced and checks that it pivots on the strategy key and
// keeps the other keys in the row names.
func checkBenchstatGroups(t *testing.T, raw string) {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Log("go is not on PATH; benchstat not run")
		return
	}
	out, err := exec.Command(gobin, "run", "golang.org/x/perf/cmd/benchstat",
		"-col", "/strategy", raw).CombinedOutput()
	if err != nil {
		t.Fatalf("benchstat: %v\n%s", err, out)
	}
	text := string(out)
	header := ""
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "strict") {
			header = line
			break
		}
	}
	for _, st := range []string{"strict", "subset", "adopt"} {
		if !strings.Contains(header, st) {
			t.Errorf("benchstat did not make %s a column:\n%s", st, text)
		}
	}
	for _, key := range []string{"case=same", "case=heap-grow",
		"mem=guest-cow", "restore-sec/op"} {
		if !strings.Contains(text, key) {
			t.Errorf("benchstat output lacks %q:\n%s", key, text)
		}
	}
}

// TestRunFailsClean checks that a run stopped before its first
// result leaves no run directory behind.
func TestRunFailsClean(t *testing.T) {
	if err := vmcore.Available(); err != nil {
		t.Skipf("KVM unavailable: %v", err)
	}
	if testing.Short() {
		t.Skip("compiles the benchmarks; skipped with -short")
	}
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Run(ctx, Options{
		Scenarios: []string{"../../scenarios/smoke.toml"},
		Count:     1,
		Out:       out,
		Progress:  func(int, int, string) { cancel() },
	})
	if err == nil {
		t.Fatal("a cancelled run succeeded")
	}
	if left, _ := os.ReadDir(out); len(left) > 0 {
		t.Errorf("a failed run left %v", left)
	}
}

func TestSplit(t *testing.T) {
	stdout := "Unit restore-ns/op better=lower assume=nothing\n" +
		"goos: linux\ngoarch: amd64\npkg: snaplab/bench\ncpu: X\n" +
		"BenchmarkRestore/scenario=s/case=c-2   \t      20\t  100 ns/op" +
		"\t 1 fallback/op\n" +
		"--- BENCH: BenchmarkRestore/scenario=s/case=c-2\n" +
		"    restore_test.go:90: adopt after 1 iterations: boom\n" +
		"PASS\n"
	o := split(stdout)
	if len(o.units) != 1 || len(o.results) != 1 || len(o.notes) != 2 {
		t.Fatalf("split: %q", o)
	}
	if !strings.HasPrefix(o.results[0], "BenchmarkRestore/") {
		t.Errorf("result %q", o.results[0])
	}
}

func TestRawWriter(t *testing.T) {
	dir := t.TempDir()
	w, err := newRawWriter(dir, []configLine{{"goos", "linux"}})
	if err != nil {
		t.Fatal(err)
	}
	unit := "Unit a/op better=lower assume=nothing"
	for _, s := range []string{"one", "one", "two"} {
		err := w.add(s, "sha256:"+s, output{units: []string{unit},
			results: []string{"BenchmarkX/s=" + s + " 1 2 ns/op"}})
		if err != nil {
			t.Fatal(err)
		}
	}
	path, err := w.commit()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want := "goos: linux\n" +
		"scenario: one\nscenario-digest: sha256:one\n" + unit + "\n" +
		"BenchmarkX/s=one 1 2 ns/op\nBenchmarkX/s=one 1 2 ns/op\n" +
		"scenario: two\nscenario-digest: sha256:two\n" +
		"BenchmarkX/s=two 1 2 ns/op\n"
	if string(got) != want {
		t.Errorf("raw.txt:\n%s\nwant:\n%s", got, want)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".raw-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestAbandonEmpty(t *testing.T) {
	dir := t.TempDir()
	w, err := newRawWriter(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := w.abandon(); p != "" {
		t.Errorf("abandon kept %s", p)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("files left: %v", left)
	}
}

func TestJobsInterleave(t *testing.T) {
	p, err := newPlan(Options{Scenarios: []string{
		"../../scenarios/smoke.toml", "../../scenarios/pool.toml"},
		Count: 2})
	if err != nil {
		t.Fatal(err)
	}
	jobs := p.jobs()
	per := len(p.scenarios[0].configs) + len(p.scenarios[1].configs)
	if len(jobs) != 2*per {
		t.Fatalf("%d jobs, want %d", len(jobs), 2*per)
	}
	for i, j := range jobs {
		sample := "sample 1/2"
		if i >= per {
			sample = "sample 2/2"
		}
		if !strings.HasSuffix(j.name, sample) {
			t.Errorf("job %d is %s, want %s", i, j.name, sample)
		}
		if strings.Contains(j.name, "BenchmarkPool") &&
			j.benchtime != "400x" {
			t.Errorf("%s: benchtime %s", j.name, j.benchtime)
		}
	}
}

func TestMakeRunDir(t *testing.T) {
	out := t.TempDir()
	at := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	a, err := makeRunDir(out, at, []string{"smoke", "pool"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := makeRunDir(out, at, []string{"smoke", "pool"})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(a) != "20250304-050607-smoke+pool" || a == b {
		t.Errorf("run directories %s and %s", a, b)
	}
}
