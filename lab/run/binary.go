package run

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// compile builds the bench package's test binary into dir and
// returns its path.
func compile(ctx context.Context, root, dir string) (string, error) {
	bin := filepath.Join(dir, "bench.test")
	cmd := exec.CommandContext(ctx, "go", "test", "-c", "-o", bin,
		"./bench")
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("compile the benchmarks: %w\n%s", err,
			strings.TrimSpace(out.String()))
	}
	return bin, nil
}

// job is one process: one configuration, one sample.
type job struct {
	scenario  string // absolute path of the scenario file
	pattern   string // -test.bench
	benchtime string
	name      string // for progress and errors
}

// output is what one benchmark process printed, split up.
type output struct {
	units   []string // Unit lines
	results []string // benchmark lines
	notes   []string // everything the benchmarks logged
}

// runJob runs the binary for one job from the bench directory, so
// that relative paths resolve as they do under go test.
func runJob(ctx context.Context, bin, dir string, j job) (output, error) {
	cmd := exec.CommandContext(ctx, bin, "-test.run=^$",
		"-test.bench="+j.pattern, "-test.benchtime="+j.benchtime,
		"-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SNAPLAB_SCENARIO="+j.scenario)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	out := split(stdout.String())
	if err != nil {
		return out, fmt.Errorf("%s: %w\n%s", j.name, err,
			tail(stdout.String()+stderr.String(), 20))
	}
	if len(out.results) != 1 {
		return out, fmt.Errorf("%s: %d result lines, want 1\n%s",
			j.name, len(out.results), tail(stdout.String(), 20))
	}
	return out, nil
}

// split sorts a benchmark process's stdout into Unit lines, result
// lines and log output, dropping go test's own goos, goarch, pkg and
// cpu lines (the run writes its own) and its PASS.
func split(stdout string) output {
	var o output
	logging := false
	for _, line := range strings.Split(stdout, "\n") {
		switch {
		case strings.HasPrefix(line, "Unit "):
			o.units = append(o.units, line)
			logging = false
		case strings.HasPrefix(line, "Benchmark") &&
			strings.Contains(line, "\t"):
			o.results = append(o.results, strings.TrimRight(line, " "))
			logging = false
		case strings.HasPrefix(line, "--- "):
			o.notes = append(o.notes, line)
			logging = true
		case logging && strings.HasPrefix(line, " "):
			o.notes = append(o.notes, line)
		default:
			logging = false
		}
	}
	return o
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
