package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"snaplab/lab/results"
	"snaplab/plots"
)

// File names inside a run or output directory.
const (
	ReportFile   = "REPORT.md"
	EvidenceFile = "evidence.md"
	PlotsDir     = "plots"
)

// Options say which runs to report on and where.
type Options struct {
	// Dirs are the run directories, each holding raw.txt. Their
	// results are merged into one report.
	Dirs []string

	// Out is the directory that receives REPORT.md, summary.csv
	// and plots/; it is created if needed. Empty means Dirs[0].
	Out string
}

// Write reads the runs in opt.Dirs and writes summary.csv, the charts
// and REPORT.md into the output directory. It returns the path of
// REPORT.md.
func Write(opt Options) (string, error) {
	if len(opt.Dirs) == 0 {
		return "", errors.New("report: no run directory given")
	}
	out := opt.Out
	if out == "" {
		out = opt.Dirs[0]
	}
	set, err := results.Read(opt.Dirs...)
	if err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", fmt.Errorf("report: %w", err)
	}

	sums := set.Summaries()
	err = results.WriteCSVFile(filepath.Join(out, results.CSVFile), sums)
	if err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	charts, err := plots.Draw(filepath.Join(out, PlotsDir), sums)
	if err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	evidence, err := readEvidence(opt.Dirs)
	if err != nil {
		return "", err
	}

	path := filepath.Join(out, ReportFile)
	f, err := os.Create(path)
	if err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	err = Render(f, Input{Dirs: opt.Dirs, Out: out, Set: set,
		Summaries: sums, Charts: charts, Evidence: evidence})
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("report: %w", cerr)
	}
	if err != nil {
		return "", err
	}
	return path, nil
}

// Evidence is the evidence.md of one run directory.
type Evidence struct {
	// Dir is the run directory.
	Dir string

	// Text is the file's content; Found is false when the
	// directory has no evidence.md.
	Text  string
	Found bool
}

func readEvidence(dirs []string) ([]Evidence, error) {
	var out []Evidence
	for _, d := range dirs {
		data, err := os.ReadFile(filepath.Join(d, EvidenceFile))
		switch {
		case errors.Is(err, os.ErrNotExist):
			out = append(out, Evidence{Dir: d})
		case err != nil:
			return nil, fmt.Errorf("report: %w", err)
		default:
			out = append(out, Evidence{Dir: d, Text: string(data),
				Found: true})
		}
	}
	return out, nil
}

// Input is everything Render puts in a report.
type Input struct {
	// Dirs are the run directories merged; the report names them
	// by their base name (results/<stamp>-<scenario>).
	Dirs []string

	// Out is the directory REPORT.md is written to; chart links
	// are relative to it.
	Out string

	// Set and Summaries are the merged results and their default
	// summaries (Set.Summaries).
	Set       *results.Set
	Summaries []results.Summary

	// Charts are the charts drawn, as plots.Draw returns them.
	Charts []plots.Chart

	// Evidence holds one entry per directory of Dirs.
	Evidence []Evidence
}

// Render writes the markdown of a report for in to w.
func Render(w io.Writer, in Input) error {
	r := &writer{in: in, hosts: in.Set.Hosts()}
	r.title()
	r.environment()
	r.latency()
	r.firstCall()
	r.fallback()
	r.sweeps()
	r.others()
	r.evidence()
	r.clocks()
	if _, err := io.WriteString(w, r.b.String()); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// writer accumulates the sections of one report.
type writer struct {
	in    Input
	hosts []string
	b     strings.Builder
}

func (r *writer) printf(format string, args ...any) {
	fmt.Fprintf(&r.b, format, args...)
}

func (r *writer) title() {
	var names []string
	for _, d := range r.in.Dirs {
		names = append(names, code(filepath.Base(filepath.Clean(d))))
	}
	var scenarios []string
	for _, e := range r.in.Set.Environments() {
		for _, s := range e.Values["scenario"] {
			if !contains(scenarios, s) {
				scenarios = append(scenarios, s)
			}
		}
	}
	r.printf("# snaplab report")
	if len(scenarios) > 0 {
		r.printf(": %s", strings.Join(scenarios, ", "))
	}
	r.printf("\n\n")
	noun := "Run directory"
	if len(names) > 1 {
		noun = "Run directories, merged"
	}
	r.printf("%s: %s. Every median and interval below is also in "+
		"%s, one row per configuration and unit. Medians come with "+
		"their 95%% confidence interval (distribution-free, as "+
		"benchstat computes it); n is the number of samples.\n\n",
		noun, strings.Join(names, ", "), code(results.CSVFile))

	// Lines the reader skipped would silently shrink a sample.
	if w := r.in.Set.Warnings; len(w) > 0 {
		r.printf("> **%d line(s) of input were skipped or merged:**\n",
			len(w))
		for i, err := range w {
			if i == 5 {
				r.printf("> - and %d more\n", len(w)-5)
				break
			}
			r.printf("> - %s\n", err)
		}
		r.printf("\n")
	}
}

// charts writes the image links of the charts of one kind.
func (r *writer) charts(kind string) {
	for _, c := range r.in.Charts {
		if c.Kind != kind {
			continue
		}
		png := r.rel(c.PNG)
		r.printf("![%s](%s)\n", c.Title, png)
		r.printf("*%s* ([SVG](%s))\n\n", caption(c), r.rel(c.SVG))
	}
}

func caption(c plots.Chart) string {
	var where []string
	if c.Host != "" {
		where = append(where, "host "+c.Host)
	}
	if c.Scenario != "" {
		where = append(where, "scenario "+c.Scenario)
	}
	if len(where) == 0 {
		return c.Title
	}
	return c.Title + ", " + strings.Join(where, ", ")
}

// rel makes path relative to the report's directory, with forward
// slashes as markdown wants.
func (r *writer) rel(path string) string {
	rel, err := filepath.Rel(r.in.Out, path)
	if err != nil {
		rel = path
	}
	return filepath.ToSlash(rel)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
