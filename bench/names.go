package bench

import (
	"regexp"
	"strconv"
	"strings"

	"snaplab/lab/scenario"
	"snaplab/vmcore/layout"
)

// The top-level benchmarks, as go test names them.
const (
	Restore = "BenchmarkRestore"
	Floor   = "BenchmarkFloor"
	Pool    = "BenchmarkPool"
)

// FloorMem is the memory technique BenchmarkFloor always uses: its
// one scratch reset is a madvise.
const FloorMem = "guest-cow"

// A Part is one key=value element of a sub-benchmark name.
type Part struct{ Key, Value string }

// Config is one benchmark configuration of a scenario: a top-level
// benchmark and the sub-benchmark that runs it, with what its body
// needs to know.
type Config struct {
	Benchmark string // Restore, Floor or Pool
	Parts     []Part

	Case     *scenario.Case // nil for Pool
	Pool     *scenario.Pool // nil but for Pool
	Strategy string         // as strategy.New reads it; "" for Floor
	Mem      string         // from scenario.KnownMems
	Workload scenario.Workload

	// Iterations is the iteration count the configuration needs,
	// or 0 to leave it to the runner: a pool sample is a fixed
	// number of restores.
	Iterations int
}

// Name is the sub-benchmark name: the parts joined by "/".
func (c Config) Name() string {
	s := make([]string, len(c.Parts))
	for i, p := range c.Parts {
		s[i] = p.Key + "=" + p.Value
	}
	return strings.Join(s, "/")
}

// FullName is the name go test prints, without the GOMAXPROCS suffix.
func (c Config) FullName() string { return c.Benchmark + "/" + c.Name() }

// Pattern is a -test.bench expression that selects c alone.
func (c Config) Pattern() string {
	elems := []string{"^" + c.Benchmark + "$"}
	for _, p := range c.Parts {
		elems = append(elems,
			"^"+regexp.QuoteMeta(p.Key+"="+p.Value)+"$")
	}
	return strings.Join(elems, "/")
}

// Configs lists the configurations of s in the order a run goes
// through them: for each case, one Restore per strategy and memory
// technique, then a Floor if the case keeps its layout; then, with a
// [pool], one Pool per strategy.
func Configs(s *scenario.Scenario) []Config {
	var out []Config
	for i := range s.Cases {
		c := &s.Cases[i]
		sizes := []Part{
			{"heap", layout.FormatSize(c.Source.HeapSize)},
			{"scratch", layout.FormatSize(c.Source.ScratchSize)},
		}
		for _, st := range s.Strategies {
			for _, mem := range s.Mems {
				parts := []Part{{"scenario", s.Name},
					{"case", c.Name}, {"strategy", NameValue(st)},
					{"mem", mem}}
				out = append(out, Config{Benchmark: Restore,
					Parts: append(parts, sizes...), Case: c,
					Strategy: st, Mem: mem, Workload: s.Workload})
			}
		}
		if SameLayout(*c) {
			parts := []Part{{"scenario", s.Name}, {"case", c.Name},
				{"mem", FloorMem}}
			out = append(out, Config{Benchmark: Floor,
				Parts: append(parts, sizes...), Case: c,
				Mem: FloorMem, Workload: s.Workload})
		}
	}
	if s.Pool == nil {
		return out
	}
	// TODO: a pool runs with the scenario's first memory technique
	// only, because its name has no mem key; a scenario listing
	// several gets no pool results for the others.
	for _, st := range s.Strategies {
		parts := []Part{{"scenario", s.Name},
			{"strategy", NameValue(st)},
			{"sandboxes", strconv.Itoa(s.Pool.Sandboxes)},
			{"snapshots", strconv.Itoa(len(s.Pool.Tenants))}}
		out = append(out, Config{Benchmark: Pool, Parts: parts,
			Pool: s.Pool, Strategy: st, Mem: s.Mems[0],
			Workload: s.Workload, Iterations: s.Pool.Restores})
	}
	return out
}

// NameValue spells a strategy as a sub-name value: a comma would
// read as a list separator, so "subset:heap_size,input_size" becomes
// "subset:heap_size+input_size".
func NameValue(strategy string) string {
	return strings.ReplaceAll(strategy, ",", "+")
}

// SameLayout reports whether a case restores a snapshot into a
// sandbox of its own layout.
func SameLayout(c scenario.Case) bool { return c.Source == c.Target }
