package evidence

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// File names a run directory holds the evidence in.
const (
	JSONFile     = "evidence.json"
	MarkdownFile = "evidence.md"
)

// WriteMarkdown renders the verdict table and the named checks.
func WriteMarkdown(w io.Writer, r *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Evidence gathered on `%s` in %.1f s. Times are "+
		"medians of %d interleaved samples: restores as measured on "+
		"the vCPU thread, from the admission check to status Ready; "+
		"the fallback in wall time, from building the fresh sandbox "+
		"to closing the old one.\n\n",
		r.Backend, r.Elapsed.Seconds(), r.Samples)
	b.WriteString("| snapshot differs in | change |")
	for _, s := range r.Strategy {
		fmt.Fprintf(&b, " %s |", s)
	}
	b.WriteString(" correct under adopt | must match if the sandbox kept " +
		"its own layout | adopt: same-layout → this (µs) | strict " +
		"fallback (µs) |\n|---|---|")
	b.WriteString(strings.Repeat("---|", len(r.Strategy)+4) + "\n")
	for _, row := range r.Rows {
		fmt.Fprintf(&b, "| `%s` | %s |", row.Field, row.Change)
		for _, s := range r.Strategy {
			verdict := "refused"
			if row.Admitted[s] {
				verdict = "admitted"
			}
			fmt.Fprintf(&b, " %s |", verdict)
		}
		correct := "**yes**"
		if !row.CorrectUnderAdopt {
			correct = "**no**: " + strings.Join(row.Failures, "; ")
		}
		kept := "no"
		if len(row.KeptDisagreements) > 0 {
			kept = "yes: " + strings.Join(row.KeptDisagreements, ", ")
		}
		fmt.Fprintf(&b, " %s | %s | %.1f → %.1f (%+.1f) | %.1f |\n",
			correct, kept, us(row.SameNs), us(row.CrossNs),
			us(row.CrossNs-row.SameNs), us(row.FallbackNs))
	}
	need := r.FieldsNeeded()
	fmt.Fprintf(&b, "\nFields a restore that adopts the snapshot's layout "+
		"needs to match: **%s**. ", orNone(need))
	b.WriteString("\"Must match if the sandbox kept its own layout\" " +
		"lists the addresses and sizes host and guest would disagree " +
		"on had the restore not adopted the layout — what the old " +
		"compatibility check guarded against.\n\n")
	b.WriteString("| check | passed | detail |\n|---|---|---|\n")
	for _, c := range r.Checks {
		pass := "yes"
		if !c.Passed {
			pass = "**no**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", c.Name, pass,
			strings.ReplaceAll(c.Detail, "|", "\\|"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func us(ns int64) float64 { return float64(ns) / 1e3 }

func orNone(fields []string) string {
	if len(fields) == 0 {
		return "none"
	}
	return strings.Join(fields, ", ")
}

// WriteDir writes evidence.json and evidence.md into dir, each
// through a temporary file so that a failure leaves neither half
// written.
func WriteDir(dir string, r *Result) error {
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := writeAtomic(filepath.Join(dir, JSONFile), js); err != nil {
		return err
	}
	var md strings.Builder
	if err := WriteMarkdown(&md, r); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, MarkdownFile), []byte(md.String()))
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
