package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"snaplab/lab/results"
	"snaplab/plots"
)

func init() {
	register("plot", "write summary.csv and charts for a run",
		runPlot)
}

// runPlot summarises the raw.txt of one run directory and draws its
// charts, printing each file written.
func runPlot(args []string) error {
	fs := flag.NewFlagSet("plot", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: benchrun plot DIR\n\n"+
			"DIR is a run directory holding raw.txt.")
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("want one run directory, got %d arguments",
			fs.NArg())
	}
	dir := fs.Arg(0)

	set, err := results.Read(dir)
	if err != nil {
		return err
	}
	for _, w := range set.Warnings {
		fmt.Fprintf(os.Stderr, "benchrun plot: warning: %v\n", w)
	}
	sums := set.Summaries()
	csv := filepath.Join(dir, results.CSVFile)
	if err := results.WriteCSVFile(csv, sums); err != nil {
		return err
	}
	fmt.Println(csv)
	charts, err := plots.Draw(filepath.Join(dir, "plots"), sums)
	if err != nil {
		return err
	}
	for _, c := range charts {
		fmt.Println(c.SVG)
		fmt.Println(c.PNG)
	}
	return nil
}
