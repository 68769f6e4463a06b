package run

import "time"

// DefaultBenchtime is the -test.benchtime of each configuration when
// Options.Benchtime is empty: a fixed count, because each iteration
// does milliseconds of untimed guest work around a timed part of
// tens of microseconds.
const DefaultBenchtime = "20x"

// Options says what Run runs and where the results go.
type Options struct {
	// Scenarios are the scenario files to run, in order.
	Scenarios []string

	// Count is the number of samples of each configuration; 0 takes
	// each scenario's own samples setting.
	Count int

	// Benchtime is passed as -test.benchtime, "20x" style; empty
	// means DefaultBenchtime. Configurations that need a count of
	// their own (a pool sample is its number of restores) keep it.
	Benchtime string

	// Out is the directory the run directory is made in; empty
	// means results/ in the repository.
	Out string

	// Root is the repository root; empty means the first directory
	// holding go.mod at or above the working directory.
	Root string

	// Progress, if set, is called before each process starts, with
	// the number of processes done, their total and the
	// configuration and sample about to run, and once at the end
	// with done == total and current "".
	Progress func(done, total int, current string)
}

// Result is what a run produced.
type Result struct {
	Dir     string        // the run directory
	Raw     string        // the path of raw.txt in it
	Lines   int           // benchmark lines written
	Notes   []string      // what benchmarks logged: failures, skips
	Elapsed time.Duration // from compile to rename
}
