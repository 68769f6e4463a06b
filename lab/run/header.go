package run

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"snaplab/vmcore"
)

// A configLine is one key: value line of the Go benchmark format.
type configLine struct{ key, value string }

func (c configLine) String() string { return c.key + ": " + c.value }

// header is the configuration that holds for the whole file: the
// stable facts of where the run happened.
func header(ctx context.Context, root string) []configLine {
	return []configLine{
		{"goos", runtime.GOOS},
		{"goarch", runtime.GOARCH},
		{"pkg", "snaplab/bench"},
		{"cpu", cpuName()},
		{"kernel", kernel()},
		{"kvm-backend", vmcore.Backend()},
		{"commit", commit(ctx, root)},
		{"host", hostname()},
	}
}

// cpuName is the first "model name" of /proc/cpuinfo.
func cpuName() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(key) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown"
}

// kernel is the running kernel's release, as uname -r prints it.
func kernel() string {
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}

// commit is the short hash of HEAD in root, with "-dirty" if the
// work tree has changes, or "unknown" outside a git repository.
// Like git describe --dirty, it ignores untracked files: new run
// directories under results/ are untracked.
func commit(ctx context.Context, root string) string {
	git := func(args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = root
		return cmd.Output()
	}
	head, err := git("rev-parse", "--short", "HEAD")
	if err != nil {
		return "unknown"
	}
	c := string(bytes.TrimSpace(head))
	status, err := git("status", "--porcelain", "--untracked-files=no")
	if err != nil || len(bytes.TrimSpace(status)) > 0 {
		c += "-dirty"
	}
	return c
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil {
		return "unknown"
	}
	return h
}

// scenarioLines are the configuration lines that change with the
// scenario.
func scenarioLines(name, digest string) []configLine {
	return []configLine{{"scenario", name}, {"scenario-digest", digest}}
}

// writeLines writes each line followed by a newline.
func writeLines[T fmt.Stringer](w *bufio.Writer, lines []T) {
	for _, l := range lines {
		w.WriteString(l.String())
		w.WriteByte('\n')
	}
}
