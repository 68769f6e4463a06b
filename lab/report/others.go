package report

import (
	"slices"

	"snaplab/lab/results"
)

// others writes a table for each benchmark that is neither Restore
// nor Floor, such as Pool: a row per configuration, a column per unit
// and host.
func (r *writer) others() {
	var names []string
	for _, s := range r.in.Summaries {
		b := s.Get("benchmark")
		if b != "Restore" && b != "Floor" && !slices.Contains(names, b) {
			names = append(names, b)
		}
	}
	for _, name := range names {
		sums := results.Select(r.in.Summaries, "", "benchmark", name)
		r.printf("## Benchmark%s\n\n", name)
		r.printf("Median and the half-width of its 95%% interval " +
			"for every unit the benchmark reports.\n\n")

		var units []string
		for _, s := range sums {
			if !slices.Contains(units, s.Unit) {
				units = append(units, s.Unit)
			}
		}
		keys := rowKeys(sums)
		t := &table{header: slices.Clone(keys),
			right: make([]bool, len(keys))}
		hosts := r.hostsIn(sums)
		for _, h := range hosts {
			for _, u := range units {
				t.header = append(t.header, r.perHost(h, u))
				t.right = append(t.right, true)
			}
		}
		order, first := rows(sums)
		for _, config := range order {
			var row []string
			for _, k := range keys {
				row = append(row, first[config].Get(k))
			}
			for _, h := range hosts {
				for _, u := range units {
					c, ok := cellOf(results.Select(sums, u), h,
						config)
					if ok {
						row = append(row, withRange(c))
					} else {
						row = append(row, "—")
					}
				}
			}
			t.add(row...)
		}
		t.write(&r.b)
		r.printf("\n")
	}
}
