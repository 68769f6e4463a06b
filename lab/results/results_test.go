package results

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"snaplab/lab/internal/golden"
)

// writeRaw puts text in dir/raw.txt and returns dir.
func writeRaw(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	err := os.WriteFile(filepath.Join(dir, RawFile), []byte(text), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

const small = `host: vm
kvm-backend: kvm_pvm
Unit restore-ns/op better=lower
BenchmarkRestore/case=same/strategy=adopt-2 200 100 ns/op 10 restore-ns/op
BenchmarkRestore/case=same/strategy=strict-2 200 200 ns/op 20 restore-ns/op
BenchmarkRestore/case=same/strategy=adopt-2 200 102 ns/op 12 restore-ns/op
BenchmarkRestore/case=same/strategy=strict-2 200 202 ns/op 22 restore-ns/op
BenchmarkRestore/case=same/strategy=adopt-2 200 101 ns/op 11 restore-ns/op
BenchmarkFloor/case=same-2 200 90 ns/op 9 restore-ns/op
BenchmarkBroken/case=same-2 200 x ns/op
BenchmarkPos/warm-2 1 5 ns/op
`

func TestSummaries(t *testing.T) {
	set, err := Read(writeRaw(t, small))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(set.NameKeys, ","); got !=
		"case,strategy,gomaxprocs" {
		t.Errorf("NameKeys = %s", got)
	}
	if len(set.Warnings) != 2 {
		t.Errorf("Warnings = %v; want the broken line and the "+
			"positional sub-name", set.Warnings)
	}
	if better := set.Units.GetBetter("restore-ns/op"); better != -1 {
		t.Errorf("GetBetter(restore-ns/op) = %d; want -1", better)
	}

	sums := set.Summaries()
	tests := []struct {
		config, unit string
		median       float64
		n            int
	}{
		{"host=vm benchmark=Restore case=same strategy=adopt " +
			"gomaxprocs=2", "restore-ns/op", 11, 3},
		{"host=vm benchmark=Restore case=same strategy=adopt " +
			"gomaxprocs=2", "ns/op", 101, 3},
		{"host=vm benchmark=Restore case=same strategy=strict " +
			"gomaxprocs=2", "restore-ns/op", 21, 2},
		{"host=vm benchmark=Floor case=same gomaxprocs=2",
			"restore-ns/op", 9, 1},
		{"host=vm benchmark=Pos gomaxprocs=2", "ns/op", 5, 1},
	}
	if len(sums) != 7 {
		t.Errorf("got %d summaries; want 7", len(sums))
	}
	for _, tt := range tests {
		var found *Summary
		for i := range sums {
			if sums[i].Configuration() == tt.config &&
				sums[i].Unit == tt.unit {
				found = &sums[i]
			}
		}
		if found == nil {
			t.Errorf("no summary for %s %s", tt.config, tt.unit)
			continue
		}
		if found.Median != tt.median || found.N != tt.n {
			t.Errorf("%s %s: median %v n %d; want %v n %d",
				tt.config, tt.unit, found.Median, found.N,
				tt.median, tt.n)
		}
		if found.Bounded() {
			t.Errorf("%s %s: interval [%v, %v] bounded with "+
				"%d samples", tt.config, tt.unit, found.Lo,
				found.Hi, found.N)
		}
	}
}

func TestSummarizeBy(t *testing.T) {
	set, err := Read(writeRaw(t, small))
	if err != nil {
		t.Fatal(err)
	}
	sums, err := set.SummarizeBy("/strategy@(strict adopt)")
	if err != nil {
		t.Fatal(err)
	}
	sums = Select(sums, "restore-ns/op")
	if len(sums) != 2 {
		t.Fatalf("got %d summaries; want strict and adopt", len(sums))
	}
	if sums[0].Get("strategy") != "strict" || sums[0].N != 2 ||
		sums[1].Get("strategy") != "adopt" || sums[1].N != 3 {
		t.Errorf("got %v; want strict (2 samples), adopt (3)", sums)
	}
	if _, err := set.SummarizeBy("/strategy@("); err == nil {
		t.Errorf("a broken projection was accepted")
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		paths []string
		want  string
	}{
		{"nothing", nil, "no files"},
		{"missing", []string{filepath.Join(dir, "nope")},
			"no such file"},
		{"no raw.txt", []string{dir}, "no such file"},
		{"no results", []string{writeRaw(t, "host: vm\nPASS\n")},
			"no benchmark results"},
	}
	for _, tt := range tests {
		_, err := Read(tt.paths...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v; want %q", tt.name, err, tt.want)
		}
	}
}

func TestEnvironments(t *testing.T) {
	set, err := Read("testdata/run-vm", "testdata/run-metal/raw.txt")
	if err != nil {
		t.Fatal(err)
	}
	envs := set.Environments()
	if len(envs) != 2 || envs[0].Host != "vm" ||
		envs[1].Host != "metal" {
		t.Fatalf("hosts %v; want vm, metal", set.Hosts())
	}
	if got := envs[1].Get("kvm-backend"); got != "kvm_intel" {
		t.Errorf("metal kvm-backend = %q", got)
	}
	if got := envs[0].Get(".file"); got != "" {
		t.Errorf("the internal .file key leaked: %q", got)
	}
}

// TestSummaryCSV checks summary.csv for two merged hosts against
// testdata/summary.csv.golden.
func TestSummaryCSV(t *testing.T) {
	set, err := Read("testdata/run-vm", "testdata/run-metal")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, set.Summaries()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/summary.csv.golden", buf.Bytes())

	header, _, _ := strings.Cut(buf.String(), "\n")
	want := "host,benchmark,scenario,case,strategy,mem,heap,scratch," +
		"sandboxes,snapshots,gomaxprocs,unit,n,median,ci_lo,ci_hi"
	if header != want {
		t.Errorf("header\n%s\nwant\n%s", header, want)
	}
}

// TestOddKeys checks that sub-name keys holding projection syntax
// (a comma, a colon) still group.
func TestOddKeys(t *testing.T) {
	raw := "BenchmarkX/a,b=1/c:d=2 1 5 ns/op\n" +
		"BenchmarkX/a,b=1/c:d=3 1 6 ns/op\n"
	set, err := Read(writeRaw(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	sums := set.Summaries()
	if len(sums) != 2 || sums[0].Get("a,b") != "1" ||
		sums[1].Get("c:d") != "3" {
		t.Errorf("got %v", sums)
	}
}
