package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"snaplab/lab/evidence"
)

func init() {
	register("evidence", "run the cross-layout matrix and write the "+
		"verdict table", runEvidence)
}

// runEvidence gathers the evidence and writes evidence.json and
// evidence.md into a run directory, printing the markdown's path last.
func runEvidence(args []string) error {
	fs := flag.NewFlagSet("evidence", flag.ContinueOnError)
	out := fs.String("out", "", "write into `DIR` (default: a new "+
		"run directory under results/)")
	samples := fs.Int("samples", 9, "restores per timing median")
	verbose := fs.Bool("v", false, "log each step")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join("results",
			time.Now().Format("20060102-150405")+"-evidence")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	path, err := gatherEvidence(dir, *samples, *verbose)
	if err != nil {
		return err
	}
	fmt.Println(path)
	return nil
}

// gatherEvidence runs the matrix into dir and returns evidence.md's
// path.
func gatherEvidence(dir string, samples int, verbose bool) (string, error) {
	opt := evidence.Options{Samples: samples}
	if verbose {
		opt.Progress = func(step string) { slog.Info("evidence", "step", step) }
	}
	res, err := evidence.Run(opt)
	if err != nil {
		return "", fmt.Errorf("evidence: %w", err)
	}
	if err := evidence.WriteDir(dir, res); err != nil {
		return "", fmt.Errorf("evidence: %w", err)
	}
	if !res.AllPassed() {
		slog.Warn("evidence: some checks failed; see the table")
	}
	return filepath.Join(dir, evidence.MarkdownFile), nil
}
