package main

import (
	"errors"
	"fmt"
	"os"

	"snaplab/lab/scenario"
)

func init() {
	register("validate", "check scenario files without running them",
		runValidate)
}

// runValidate loads each scenario file named in args, says which are
// good and prints every problem of the others.
func runValidate(args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" ||
		args[0] == "-help" {
		fmt.Fprintln(os.Stderr, "usage: benchrun validate SCENARIO...\n\n"+
			"Checks scenario files without running them: unknown keys, "+
			"units,\nranges and names, each reported with file, line "+
			"and field.")
		if len(args) == 0 {
			return errors.New("no scenario files named")
		}
		return nil
	}
	failed := 0
	for _, path := range args {
		s, err := scenario.Load(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			failed++
			continue
		}
		fmt.Printf("%s: ok (%d cases, %d strategies)\n",
			path, len(s.Cases), len(s.Strategies))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d scenario files failed",
			failed, len(args))
	}
	return nil
}
