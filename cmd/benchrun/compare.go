package main

import (
	"flag"
	"fmt"
	"os"

	"snaplab/lab/compare"
)

func init() {
	register("compare", "compare two runs, benchstat style",
		runCompare)
}

// runCompare prints, for every configuration two runs share, the old
// and new medians, the change and whether it is real.
func runCompare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	alpha := fs.Float64("alpha", compare.DefaultOptions.Alpha,
		"significance level: a change needs p < `A`")
	minEffect := fs.Float64("min-effect",
		100*compare.DefaultOptions.MinEffect,
		"smallest change of the median, in percent (`PCT`), "+
			"that counts as real")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: benchrun compare "+
			"[-alpha A] [-min-effect PCT] OLD NEW\n\n"+
			"OLD and NEW are raw.txt files or run directories.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("want OLD and NEW, got %d arguments",
			fs.NArg())
	}

	res, err := compare.Files(fs.Arg(0), fs.Arg(1), compare.Options{
		Alpha: *alpha, MinEffect: *minEffect / 100})
	if err != nil {
		return err
	}
	for _, set := range [][]error{res.Old.Warnings, res.New.Warnings} {
		for _, w := range set {
			fmt.Fprintf(os.Stderr, "benchrun compare: warning: %v\n", w)
		}
	}
	return compare.WriteText(os.Stdout, res)
}
