package results

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBenchstatPivots checks that upstream benchstat reads the
// suite's format and pivots it on a sub-name key: the sub-names are
// what makes "-col /strategy" work, so a change to the naming that
// breaks it should fail here.
func TestBenchstatPivots(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH; cannot run benchstat")
	}
	if testing.Short() {
		t.Skip("runs benchstat through go run; skipped with -short")
	}
	cmd := exec.Command(gobin, "run", "golang.org/x/perf/cmd/benchstat",
		"-col", "/strategy", "testdata/run-vm/raw.txt")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("benchstat: %v\n%s", err, out)
	}
	text := string(out)

	// Every strategy is a column of the table header.
	var header string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "strict") {
			header = line
			break
		}
	}
	for _, s := range []string{"strict", "subset", "subset:scratch_size",
		"adopt", "adopt-remap-first"} {
		if !strings.Contains(header, s) {
			t.Errorf("benchstat header lacks strategy %s:\n%s",
				s, header)
		}
	}
	// The rows are the remaining keys; the strategy is gone from them.
	for _, want := range []string{"case=heap-grow", "mem=guest-cow",
		"restore-sec/op", "vs base"} {
		if !strings.Contains(text, want) {
			t.Errorf("benchstat output lacks %q", want)
		}
	}
	if strings.Contains(text, "strategy=adopt") {
		t.Errorf("benchstat kept strategy in the row names")
	}
}
