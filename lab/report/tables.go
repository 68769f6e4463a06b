package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"snaplab/lab/results"
)

// rowKeys are the keys that name a row of a table over sums: every
// key but the host and the benchmark that takes more than one value,
// so that a table of one scenario carries no scenario column.
func rowKeys(sums []results.Summary, skip ...string) []string {
	var order []string
	values := map[string]map[string]bool{}
	for _, s := range sums {
		for _, kv := range s.Keys {
			if kv.Key == "host" || kv.Key == "benchmark" ||
				contains(skip, kv.Key) {
				continue
			}
			if values[kv.Key] == nil {
				values[kv.Key] = map[string]bool{}
				order = append(order, kv.Key)
			}
			values[kv.Key][kv.Value] = true
		}
	}
	var keys []string
	for _, k := range order {
		if len(values[k]) > 1 {
			keys = append(keys, k)
		}
	}
	return keys
}

// rows returns the configurations of sums without the host, each
// with one summary to read its keys from. They come in the order
// first seen, except that rows of one case stay together, so that a
// floor row follows the strategies it is the floor of.
func rows(sums []results.Summary) ([]string, map[string]results.Summary) {
	var order []string
	first := map[string]results.Summary{}
	for _, s := range sums {
		c := s.Configuration("host")
		if _, ok := first[c]; !ok {
			order = append(order, c)
			first[c] = s
		}
	}
	cases := results.Values(sums, "case")
	slices.SortStableFunc(order, func(a, b string) int {
		return slices.Index(cases, first[a].Get("case")) -
			slices.Index(cases, first[b].Get("case"))
	})
	return order, first
}

// hostsIn keeps the report's hosts that have a summary in sums, so
// that a table carries no column of dashes for a host that did not
// run its benchmark.
func (r *writer) hostsIn(sums []results.Summary) []string {
	var out []string
	for _, h := range r.hosts {
		if len(results.Select(sums, "", "host", h)) > 0 {
			out = append(out, h)
		}
	}
	return out
}

// cellOf finds the summary of configuration config (without host) on
// host among sums.
func cellOf(sums []results.Summary, host, config string) (results.Summary,
	bool) {
	for _, s := range sums {
		if s.Get("host") == host && s.Configuration("host") == config {
			return s, true
		}
	}
	return results.Summary{}, false
}

// strategyCell names what a row measures: its strategy, or the floor.
func strategyCell(s results.Summary) string {
	if s.Get("benchmark") == "Floor" {
		return "*floor*"
	}
	return s.Get("strategy")
}

// perHost heads a column for host when the report has several.
func (r *writer) perHost(host, column string) string {
	if len(r.hosts) > 1 {
		return hostName(host) + " " + column
	}
	return column
}

// restoreTable writes, for unit, a row per Restore and Floor
// configuration outside the size sweeps, with median, interval, n
// and the ratio to the floor for each host.
func (r *writer) restoreTable(unit string) bool {
	var sums []results.Summary
	for _, s := range results.Select(r.in.Summaries, unit) {
		b := s.Get("benchmark")
		_, sweep := results.Sweep(s.Get("case"))
		if (b == "Restore" || b == "Floor") && !sweep {
			sums = append(sums, s)
		}
	}
	if len(results.Select(sums, "", "benchmark", "Restore")) == 0 {
		return false
	}

	keys := rowKeys(sums, "strategy")
	t := &table{}
	t.header = append(t.header, keys...)
	t.header = append(t.header, "strategy")
	t.right = make([]bool, len(t.header))
	hosts := r.hostsIn(sums)
	for _, h := range hosts {
		t.header = append(t.header, r.perHost(h, "median"),
			r.perHost(h, "95% CI"), r.perHost(h, "n"),
			r.perHost(h, "× floor"))
		t.right = append(t.right, true, true, true, true)
	}

	order, first := rows(sums)
	for _, config := range order {
		s := first[config]
		var row []string
		for _, k := range keys {
			row = append(row, s.Get(k))
		}
		row = append(row, strategyCell(s))
		for _, h := range hosts {
			c, ok := cellOf(sums, h, config)
			if !ok {
				row = append(row, "—", "—", "—", "—")
				continue
			}
			row = append(row, results.FormatValue(c.Median, unit),
				interval(c), fmt.Sprint(c.N),
				r.floorRatio(c, unit))
		}
		t.add(row...)
	}
	t.write(&r.b)
	r.printf("\n")
	return true
}

// floorRatio is the median of s over the median of the floor
// benchmark for the same host, scenario, case and memory technique,
// or "—" without one.
func (r *writer) floorRatio(s results.Summary, unit string) string {
	if s.Get("benchmark") == "Floor" {
		return "×1.00"
	}
	f := results.Select(r.in.Summaries, unit, "benchmark", "Floor",
		"host", s.Get("host"), "scenario", s.Get("scenario"),
		"case", s.Get("case"), "mem", s.Get("mem"))
	if len(f) == 0 || f[0].Median == 0 {
		return "—"
	}
	return fmt.Sprintf("×%.2f", s.Median/f[0].Median)
}

// interval writes the confidence interval of s in the unit its median
// is written in, such as "42.1–45.4 µs".
func interval(s results.Summary) string {
	if !s.Bounded() {
		return "∞ (needs n ≥ 6)"
	}
	if !results.IsTime(s.Unit) {
		return results.FormatValue(s.Lo, s.Unit) + "–" +
			results.FormatValue(s.Hi, s.Unit)
	}
	div, name := results.TimeScale(s.Median)
	return fixed(s.Lo/div, s.Median/div) + "–" +
		fixed(s.Hi/div, s.Median/div) + " " + name
}

// fixed writes v with as many decimals as three significant digits
// of ref need, so that both ends of an interval line up with its
// median: "57.4–60.0 µs".
func fixed(v, ref float64) string {
	decimals := 0
	switch a := math.Abs(ref); {
	case a < 1:
		decimals = 3
	case a < 10:
		decimals = 2
	case a < 100:
		decimals = 1
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// withRange writes a median with its relative interval: "43.1 µs ±3%".
func withRange(s results.Summary) string {
	return results.FormatValue(s.Median, s.Unit) + " " + s.Range()
}

func (r *writer) latency() {
	r.printf("## Restore latency\n\n")
	r.printf("%s per strategy and case: the restore's wall time as "+
		"the caller pays it, fallback included, with the timed work "+
		"driven on the sandbox's own vCPU thread (%s). %s rows are "+
		"the floor benchmark, the bare kernel and memory sequence of "+
		"the same restore; × floor divides each median by it, and "+
		"is — where the run has no floor for the case and memory "+
		"technique. On a same-layout snapshot every strategy does "+
		"the same work, so their rows should agree.\n\n",
		code("restore-ns/op"), code("vmcore.Sandbox.Drive"), "*floor*")
	if !r.restoreTable("restore-ns/op") {
		r.printf("This run has no BenchmarkRestore results outside " +
			"the size sweeps.\n\n")
		return
	}
	r.charts("latency")
	r.thread()
}

func (r *writer) firstCall() {
	r.printf("## Restore and the first call\n\n")
	r.printf("%s is the echo call made right after the restore. A "+
		"restore that is cheap because it leaves work to the guest "+
		"(re-faulting reset pages, a cold TLB) pays for it here.\n\n",
		code("first-call-ns/op"))
	if !r.restoreTable("first-call-ns/op") {
		r.printf("This run reports no %s outside the size "+
			"sweeps.\n\n", code("first-call-ns/op"))
		return
	}
	r.charts("first-call")
}

// fallback writes the share of restores that took the fallback, for
// strict and for any other configuration that fell back at all.
func (r *writer) fallback() {
	r.printf("## Fallback\n\n")
	r.printf("%s is the fraction of restores that were refused and "+
		"paid for a fresh sandbox built from the snapshot instead, "+
		"the only way forward a refused caller has. The restore "+
		"column is what such a restore cost.\n\n",
		code("fallback/op"))

	fell := map[string]bool{}
	for _, s := range results.Select(r.in.Summaries, "fallback/op",
		"benchmark", "Restore") {
		if s.Median > 0 || s.Get("strategy") == "strict" {
			fell[s.Configuration("host")] = true
		}
	}
	var sums []results.Summary
	for _, s := range results.Select(r.in.Summaries, "fallback/op",
		"benchmark", "Restore") {
		_, sweep := results.Sweep(s.Get("case"))
		if fell[s.Configuration("host")] && !sweep {
			sums = append(sums, s)
		}
	}
	if len(sums) == 0 {
		r.printf("No restore outside the size sweeps reports %s.\n\n",
			code("fallback/op"))
		return
	}

	keys := rowKeys(sums)
	if !contains(keys, "strategy") {
		keys = append(keys, "strategy")
	}
	t := &table{header: keys, right: make([]bool, len(keys))}
	hosts := r.hostsIn(sums)
	for _, h := range hosts {
		t.header = append(t.header, r.perHost(h, "fallback/op"),
			r.perHost(h, "restore"))
		t.right = append(t.right, true, true)
	}
	order, first := rows(sums)
	for _, config := range order {
		s := first[config]
		var row []string
		for _, k := range keys {
			row = append(row, s.Get(k))
		}
		for _, h := range hosts {
			c, ok := cellOf(sums, h, config)
			if !ok {
				row = append(row, "—", "—")
				continue
			}
			restore := "—"
			rs := results.Select(r.in.Summaries, "restore-ns/op")
			if x, ok := cellOf(rs, h, config); ok {
				restore = withRange(x)
			}
			row = append(row, percent(c.Median), restore)
		}
		t.add(row...)
	}
	t.write(&r.b)
	r.printf("\n")
	r.charts("fallback")
}

func percent(f float64) string {
	if math.IsNaN(f) {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", 100*f)
}
