package compare

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"snaplab/lab/results"
)

// WriteText prints r as aligned text tables in the manner of
// benchstat: a header naming the runs, the configuration lines that
// differ between them and the keys all rows share, then one table per
// unit with a row per configuration.
func WriteText(w io.Writer, r *Result) error {
	var b strings.Builder
	writeHeader(&b, r)

	shared, varying := splitKeys(r.Rows)
	if len(shared) > 0 {
		fmt.Fprintf(&b, "shared: %s\n", strings.Join(shared, " "))
	}
	fmt.Fprintf(&b, "A change is real when p < %g and |change| ≥ %g%%;"+
		" otherwise ~.\n", r.Options.Alpha, 100*r.Options.MinEffect)

	notes := map[string]int{}
	var noteOrder []string
	for _, unit := range units(r.Rows) {
		fmt.Fprintf(&b, "\n%s%s\n", unit, direction(r, unit))
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		columns := present(r.Rows, unit, varying)
		fmt.Fprintln(tw, strings.Join(columns, "\t")+
			"\told\tnew\tchange\tp\tn\tverdict")
		for _, row := range r.Rows {
			if row.Unit != unit {
				continue
			}
			var cells []string
			for _, k := range columns {
				cells = append(cells, row.Get(k))
			}
			cells = append(cells, cell(row.Old), cell(row.New),
				change(row.Change), fmt.Sprintf("%.3f", row.P),
				fmt.Sprintf("%d+%d", row.Old.N, row.New.N),
				row.Verdict())
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
			for _, msg := range rowNotes(row) {
				if notes[msg] == 0 {
					noteOrder = append(noteOrder, msg)
				}
				notes[msg]++
			}
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("compare: %w", err)
		}
	}

	for _, c := range r.OnlyOld {
		fmt.Fprintf(&b, "\nonly in old: %s", c)
	}
	for _, c := range r.OnlyNew {
		fmt.Fprintf(&b, "\nonly in new: %s", c)
	}
	if len(r.OnlyOld)+len(r.OnlyNew) > 0 {
		b.WriteString("\n")
	}
	flagged := 0
	for _, row := range r.Rows {
		if row.Real {
			flagged++
		}
	}
	fmt.Fprintf(&b, "\n%d of %d comparisons flagged as real. Each "+
		"is a separate test at p < %g: between two runs of identical "+
		"code about %.0f would be flagged by chance, more where "+
		"samples are few or the host is noisy, so confirm a flagged "+
		"change with a second run.\n", flagged, len(r.Rows),
		r.Options.Alpha, r.Options.Alpha*float64(len(r.Rows)))
	if len(noteOrder) > 0 {
		b.WriteString("\nnotes:\n")
	}
	for _, msg := range noteOrder {
		fmt.Fprintf(&b, "  %s (%d rows)\n", msg, notes[msg])
	}

	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	return nil
}

// writeHeader names the two runs and the file configuration that
// differs between them, such as the commit.
func writeHeader(b *strings.Builder, r *Result) {
	fmt.Fprintf(b, "old: %s\n", strings.Join(r.Old.Paths, ", "))
	fmt.Fprintf(b, "new: %s\n", strings.Join(r.New.Paths, ", "))
	oldCfg, keys := configValues(r.Old)
	newCfg, newKeys := configValues(r.New)
	for _, k := range newKeys {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if oldCfg[k] != newCfg[k] {
			fmt.Fprintf(b, "%s: %s → %s\n", k, orNone(oldCfg[k]),
				orNone(newCfg[k]))
		}
	}
}

// configValues joins the distinct values of every file configuration
// key in set, across hosts.
func configValues(set *results.Set) (map[string]string, []string) {
	vals := map[string][]string{}
	var keys []string
	for _, env := range set.Environments() {
		for _, k := range env.Keys {
			if _, ok := vals[k]; !ok {
				keys = append(keys, k)
			}
			for _, v := range env.Values[k] {
				if !slices.Contains(vals[k], v) {
					vals[k] = append(vals[k], v)
				}
			}
		}
	}
	out := map[string]string{}
	for k, v := range vals {
		out[k] = strings.Join(v, ", ")
	}
	return out, keys
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// splitKeys separates the keys every row agrees on, rendered as
// key=value, from those whose value differs between rows, which
// become columns.
func splitKeys(rows []Row) (shared, varying []string) {
	var order []string
	values := map[string]map[string]bool{}
	for _, row := range rows {
		for _, kv := range row.Keys {
			if values[kv.Key] == nil {
				values[kv.Key] = map[string]bool{}
				order = append(order, kv.Key)
			}
			values[kv.Key][kv.Value] = true
		}
	}
	for _, k := range order {
		switch {
		case len(values[k]) > 1:
			varying = append(varying, k)
		case !values[k][""]:
			shared = append(shared, k+"="+rows[0].Get(k))
		}
	}
	return shared, varying
}

// present keeps the keys that have a value in some row of unit, so
// that a table of Pool's units carries no empty case column.
func present(rows []Row, unit string, keys []string) []string {
	var out []string
	for _, k := range keys {
		for _, row := range rows {
			if row.Unit == unit && row.Get(k) != "" {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

func units(rows []Row) []string {
	var out []string
	for _, row := range rows {
		if !slices.Contains(out, row.Unit) {
			out = append(out, row.Unit)
		}
	}
	return out
}

func direction(r *Result, unit string) string {
	switch r.Old.Units.GetBetter(unit) {
	case 1:
		return " (higher is better)"
	case -1:
		return " (lower is better)"
	}
	return ""
}

func cell(s results.Summary) string {
	return results.FormatValue(s.Median, s.Unit) + " " + s.Range()
}

func change(c float64) string {
	if math.IsNaN(c) {
		return "?"
	}
	return fmt.Sprintf("%+.1f%%", 100*c)
}

func rowNotes(row Row) []string {
	var out []string
	for _, w := range append(row.Old.Warnings, row.New.Warnings...) {
		out = append(out, w.Error())
	}
	for _, w := range row.Warnings {
		out = append(out, w.Error())
	}
	return out
}
