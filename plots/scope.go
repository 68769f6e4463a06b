package plots

import "snaplab/lab/results"

// scope is the part of a run one chart is drawn from: a host, a
// scenario and, when the scenario's bar charts are split by memory
// technique, one mem. An empty mem takes every technique.
type scope struct {
	host, scenario, mem string
}

// restores returns the BenchmarkRestore summaries of the scope in
// unit ("" for every unit), leaving out the size sweeps.
func (sc scope) restores(all []results.Summary,
	unit string) []results.Summary {
	match := []string{"benchmark", "Restore", "host", sc.host,
		"scenario", sc.scenario}
	if sc.mem != "" {
		match = append(match, "mem", sc.mem)
	}
	return notSweep(results.Select(all, unit, match...))
}

// title names the scope's memory technique after a chart's title,
// since a chart of one technique looks like one of all of them.
func (sc scope) title(t string) string {
	if sc.mem == "" {
		return t
	}
	return t + ", mem=" + sc.mem
}

// subtitle is the second title line: where the data comes from and
// how to read it.
func (sc scope) subtitle(extra ...string) string {
	return subtitle(sc.host, sc.scenario, extra...)
}

// splitByMem returns one scope per memory technique of the scenario's
// bar-chart cases when they have several, and sc itself otherwise.
// Each chart then holds one technique's bars, few enough to label,
// and its file name says which.
func splitByMem(all []results.Summary, sc scope) []scope {
	mems := results.Values(sc.restores(all, ""), "mem")
	if len(mems) < 2 {
		return []scope{sc}
	}
	out := make([]scope, len(mems))
	for i, m := range mems {
		out[i] = scope{host: sc.host, scenario: sc.scenario, mem: m}
	}
	return out
}
