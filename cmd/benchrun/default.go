package main

import (
	"flag"
	"fmt"
	"path/filepath"

	"snaplab/lab/run"
)

func init() {
	register("default", "run scenarios/default.toml and report on it "+
		"(what benchrun does with no arguments)", runDefault)
}

// runDefault runs the main scenario with its own number of samples,
// writes the report into the new run directory and prints the path
// of REPORT.md as its last line.
func runDefault(args []string) error {
	fs := flag.NewFlagSet("default", flag.ContinueOnError)
	var f runFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: benchrun [default] "+
			"[-count N] [-benchtime Nx] [-out DIR] [-v]")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	root, err := run.FindRoot(".")
	if err != nil {
		return err
	}
	res, err := runScenarios(
		[]string{filepath.Join(root, "scenarios", "default.toml")}, f)
	if err != nil {
		return err
	}
	if _, err := gatherEvidence(res.Dir, 9, f.verbose); err != nil {
		return err
	}
	path, err := writeReport([]string{res.Dir}, "")
	if err != nil {
		return fmt.Errorf("report on %s: %w", res.Dir, err)
	}
	fmt.Println(path)
	return nil
}
