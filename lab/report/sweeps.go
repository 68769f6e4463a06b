package report

import (
	"slices"

	"snaplab/lab/results"
)

// sweeps writes, per host and swept region, restore-ns/op for each
// size (rows) and strategy (columns), with the floor when the run has
// one.
func (r *writer) sweeps() {
	var all []results.Summary
	for _, s := range results.Select(r.in.Summaries, "restore-ns/op") {
		b := s.Get("benchmark")
		if _, ok := results.Sweep(s.Get("case")); ok &&
			(b == "Restore" || b == "Floor") {
			all = append(all, s)
		}
	}
	if len(all) == 0 {
		return
	}
	r.printf("## Region size sweeps\n\n")
	r.printf("Cases %s vary the heap and %s the scratch region, with "+
		"snapshot and sandbox of one layout; each cell is the "+
		"median %s with the half-width of its 95%% interval.\n\n",
		code("heap-*"), code("scratch-*"), code("restore-ns/op"))

	for _, key := range []string{"heap", "scratch"} {
		var sums []results.Summary
		for _, s := range all {
			if k, _ := results.Sweep(s.Get("case")); k == key {
				sums = append(sums, s)
			}
		}
		for _, h := range r.hosts {
			r.sweepTable(key, h, results.Select(sums, "", "host", h))
		}
		if len(sums) > 0 {
			r.charts("sweep-" + key)
		}
	}
}

func (r *writer) sweepTable(key, host string, sums []results.Summary) {
	if len(sums) == 0 {
		return
	}
	r.printf("### %s size", key)
	if len(r.hosts) > 1 {
		r.printf(", host %s", code(hostName(host)))
	}
	r.printf("\n\n")

	// Rows: one per size and memory technique (and scenario, when
	// there are several); columns: strategies, then the floor.
	rowKey := rowKeys(sums, "case", "strategy", "heap", "scratch")
	rowKey = append([]string{key}, rowKey...)
	var columns []string
	for _, s := range sums {
		c := strategyCell(s)
		if !slices.Contains(columns, c) {
			columns = append(columns, c)
		}
	}
	floor := slices.Index(columns, "*floor*")
	if floor >= 0 {
		columns = append(slices.Delete(columns, floor, floor+1),
			"*floor*")
	}

	t := &table{header: append(slices.Clone(rowKey), columns...)}
	t.right = make([]bool, len(t.header))
	for i := range columns {
		t.right[len(rowKey)+i] = true
	}
	type rowID string
	var order []rowID
	cells := map[rowID]map[string]results.Summary{}
	first := map[rowID]results.Summary{}
	for _, s := range sums {
		id := rowID("")
		for _, k := range rowKey {
			id += rowID(s.Get(k) + "\x00")
		}
		if cells[id] == nil {
			cells[id] = map[string]results.Summary{}
			first[id] = s
			order = append(order, id)
		}
		cells[id][strategyCell(s)] = s
	}
	slices.SortStableFunc(order, func(a, b rowID) int {
		x, _ := results.ParseSize(first[a].Get(key))
		y, _ := results.ParseSize(first[b].Get(key))
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	for _, id := range order {
		s := first[id]
		var row []string
		for _, k := range rowKey {
			row = append(row, s.Get(k))
		}
		for _, c := range columns {
			if x, ok := cells[id][c]; ok {
				row = append(row, withRange(x))
			} else {
				row = append(row, "—")
			}
		}
		t.add(row...)
	}
	t.write(&r.b)
	r.printf("\n")
}
