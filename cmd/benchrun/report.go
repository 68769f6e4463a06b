package main

import (
	"errors"
	"flag"
	"fmt"

	"snaplab/lab/report"
)

func init() {
	register("report", "write REPORT.md, summary.csv and charts",
		runReport)
}

// runReport writes the report of one or more run directories and
// prints the path of REPORT.md as its last line.
func runReport(args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	out := fs.String("out", "", "write the report into `DIR` "+
		"(default: the first run directory)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: benchrun report "+
			"[-out DIR] DIR...\n\n"+
			"Each DIR is a run directory holding raw.txt; several "+
			"are merged into one report.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("want at least one run directory")
	}

	path, err := writeReport(fs.Args(), *out)
	if err != nil {
		return err
	}
	fmt.Println(path)
	return nil
}

// writeReport writes summary.csv, the charts and REPORT.md for run
// directories dirs into out (the first directory when empty) and
// returns REPORT.md's path. The default command and report share it.
func writeReport(dirs []string, out string) (string, error) {
	return report.Write(report.Options{Dirs: dirs, Out: out})
}
