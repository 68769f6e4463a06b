package report

import (
	"slices"
	"strings"

	"snaplab/lab/results"
)

// threadUnit is the restore as vmcore times it on the vCPU thread.
const threadUnit = "restore-thread-ns/op"

// thread writes restore-thread-ns/op compactly, one table per host: a
// row per case and memory technique, a column per strategy and then
// the floor, each cell a median and its ratio to the floor's
// restore-thread-ns/op. The ratio says what the strategy adds to the
// bare kernel sequence without the caller's side of the call in
// either; the intervals are in summary.csv.
func (r *writer) thread() {
	var sums []results.Summary
	for _, s := range results.Select(r.in.Summaries, threadUnit) {
		b := s.Get("benchmark")
		_, sweep := results.Sweep(s.Get("case"))
		if (b == "Restore" || b == "Floor") && !sweep {
			sums = append(sums, s)
		}
	}
	if len(results.Select(sums, "", "benchmark", "Restore")) == 0 {
		return
	}

	r.printf("### On the vCPU thread\n\n")
	r.printf("%s is the restore as vmcore times itself on the vCPU "+
		"thread, from the admission check to status Ready; its "+
		"steps are %s, and %s holds them. It leaves out the "+
		"fallback: where every restore fell back there is nothing "+
		"to time (—), and a restore that fell back counts as zero. "+
		"Each cell is the median with its ratio to the floor's %s "+
		"when the run has a floor for the case and technique.\n\n",
		code(threadUnit), joinCodes("admit-ns/op", "remap-ns/op",
			"region-ns/op", "reset-ns/op", "pt-ns/op", "vcpu-ns/op"),
		code(results.CSVFile), code(threadUnit))
	for _, h := range r.hostsIn(sums) {
		if len(r.hosts) > 1 {
			r.printf("Host %s:\n\n", code(hostName(h)))
		}
		r.threadTable(results.Select(sums, "", "host", h))
	}
}

// threadTable writes the pivot of one host's summaries.
func (r *writer) threadTable(sums []results.Summary) {
	// heap and scratch follow from the case outside the sweeps; the
	// restore-ns/op table above shows them.
	keys := rowKeys(sums, "strategy", "heap", "scratch")
	var columns []string
	for _, s := range sums {
		if c := strategyCell(s); !slices.Contains(columns, c) {
			columns = append(columns, c)
		}
	}
	if i := slices.Index(columns, "*floor*"); i >= 0 {
		columns = append(slices.Delete(columns, i, i+1), "*floor*")
	}

	rowOf := func(s results.Summary) string {
		var id []string
		for _, k := range keys {
			id = append(id, s.Get(k))
		}
		return strings.Join(id, "\x00")
	}
	// rows keeps each case's rows together; so do these.
	order, firstOf := rows(sums)
	var ids []string
	first := map[string]results.Summary{}
	for _, config := range order {
		s := firstOf[config]
		if id := rowOf(s); first[id].Keys == nil {
			first[id] = s
			ids = append(ids, id)
		}
	}
	cells := map[string]map[string]results.Summary{}
	for _, s := range sums {
		id := rowOf(s)
		if cells[id] == nil {
			cells[id] = map[string]results.Summary{}
		}
		cells[id][strategyCell(s)] = s
	}

	t := &table{header: append(slices.Clone(keys), columns...)}
	t.right = make([]bool, len(t.header))
	for i := range columns {
		t.right[len(keys)+i] = true
	}
	for _, id := range ids {
		var row []string
		for _, k := range keys {
			row = append(row, first[id].Get(k))
		}
		for _, c := range columns {
			s, ok := cells[id][c]
			if !ok {
				row = append(row, "—")
				continue
			}
			cell := results.FormatValue(s.Median, threadUnit)
			if ratio := r.floorRatio(s, threadUnit); c != "*floor*" &&
				ratio != "—" {
				cell += " " + ratio
			}
			row = append(row, cell)
		}
		t.add(row...)
	}
	t.write(&r.b)
	r.printf("\n")
}

// joinCodes quotes each unit as code, in a list ending in "and".
func joinCodes(units ...string) string {
	quoted := make([]string, len(units))
	for i, u := range units {
		quoted[i] = code(u)
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " +
		quoted[len(quoted)-1]
}
