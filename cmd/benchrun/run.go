package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"regexp"

	"golang.org/x/sys/unix"

	"snaplab/lab/run"
)

func init() {
	register("run", "run scenario files and write raw.txt", runRun)
}

// runFlags are the flags run and default share.
type runFlags struct {
	count     int
	benchtime string
	out       string
	verbose   bool
}

func (f *runFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&f.count, "count", 0, "`N` samples of each "+
		"configuration (default: the scenario's samples)")
	fs.StringVar(&f.benchtime, "benchtime", run.DefaultBenchtime,
		"iterations per sample, as `Nx`")
	fs.StringVar(&f.out, "out", "", "make the run directory in `DIR` "+
		"(default: results/ in the repository)")
	fs.BoolVar(&f.verbose, "v", false, "log each sample")
}

// runRun runs the scenarios named in args and prints the path of
// raw.txt as its last line.
func runRun(args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	var f runFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: benchrun run [-count N] "+
			"[-benchtime Nx] [-out DIR] [-v] SCENARIO...")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("want at least one scenario file")
	}
	res, err := runScenarios(fs.Args(), f)
	if err != nil {
		return err
	}
	fmt.Println(res.Raw)
	return nil
}

var benchtimeForm = regexp.MustCompile(`^[1-9][0-9]*x$`)

// runScenarios runs the files through lab/run, drawing progress on a
// terminal and logging the benchmarks' notes.
func runScenarios(files []string, f runFlags) (*run.Result, error) {
	if f.count < 0 {
		return nil, fmt.Errorf("-count %d: want 0 or more", f.count)
	}
	if !benchtimeForm.MatchString(f.benchtime) {
		return nil, fmt.Errorf("-benchtime %q: want an iteration "+
			"count such as 20x", f.benchtime)
	}
	level := slog.LevelWarn
	if f.verbose {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(os.Stderr,
		&slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(),
		os.Interrupt, unix.SIGTERM)
	defer stop()
	opts := run.Options{Scenarios: files, Count: f.count,
		Benchtime: f.benchtime, Out: f.out}
	// A status line on a terminal; with -v, or off a terminal, a log
	// line per benchmark process instead.
	if isTerminal(os.Stderr) && !f.verbose {
		opts.Progress = drawProgress
	} else {
		opts.Progress = func(done, total int, current string) {
			if current != "" {
				log.Info("run", "done", done, "total", total,
					"next", current)
			}
		}
	}
	res, err := run.Run(ctx, opts)
	if err != nil {
		return nil, err
	}
	for _, n := range res.Notes {
		log.Warn("benchmark said", "line", n)
	}
	log.Info("run finished", "dir", res.Dir, "lines", res.Lines,
		"elapsed", res.Elapsed.Round(1e6))
	return res, nil
}

// drawProgress keeps one status line on the terminal, cut to its
// width so that it never wraps.
func drawProgress(done, total int, current string) {
	line := ""
	if current != "" {
		line = fmt.Sprintf("[%d/%d] %s", done+1, total, current)
	}
	ws, err := unix.IoctlGetWinsize(int(os.Stderr.Fd()), unix.TIOCGWINSZ)
	if err == nil && ws.Col > 1 && len(line) >= int(ws.Col) {
		line = line[:ws.Col-1]
	}
	fmt.Fprintf(os.Stderr, "\r\033[K%s", line)
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}
