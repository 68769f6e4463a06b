package results

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
)

// CSVFile is the name of the summary table in a run directory.
const CSVFile = "summary.csv"

// WriteCSV writes sums as CSV with a header row. The columns are the
// configuration keys in the order they first appear (host, benchmark
// and the sub-name keys, for the default grouping), then unit, n,
// median, ci_lo and ci_hi. Numbers are written in full, in the
// summary's unit; an unbounded interval is written as -Inf or +Inf.
func WriteCSV(w io.Writer, sums []Summary) error {
	var columns []string
	seen := map[string]bool{}
	for _, s := range sums {
		for _, kv := range s.Keys {
			if !seen[kv.Key] {
				seen[kv.Key] = true
				columns = append(columns, kv.Key)
			}
		}
	}

	cw := csv.NewWriter(w)
	header := append(columns[:len(columns):len(columns)],
		"unit", "n", "median", "ci_lo", "ci_hi")
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("results: write csv: %w", err)
	}
	for _, s := range sums {
		row := make([]string, 0, len(header))
		for _, c := range columns {
			row = append(row, s.Get(c))
		}
		row = append(row, s.Unit, strconv.Itoa(s.N),
			number(s.Median), number(s.Lo), number(s.Hi))
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("results: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("results: write csv: %w", err)
	}
	return nil
}

// WriteCSVFile writes sums to the file path as WriteCSV does.
func WriteCSVFile(path string, sums []Summary) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("results: %w", err)
	}
	if err := WriteCSV(f, sums); err != nil {
		f.Close()
		return fmt.Errorf("%w (file %s)", err, path)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("results: %w", err)
	}
	return nil
}

func number(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
