package bench

// A Unit is a custom metric the benchmarks report, and which way is
// better.
type Unit struct {
	Name         string // as b.ReportMetric spells it
	HigherBetter bool
}

// Units lists every custom metric of the benchmarks.
var Units = []Unit{
	{"restore-ns/op", false},
	{"restore-thread-ns/op", false},
	{"first-call-ns/op", false},
	{"admit-ns/op", false},
	{"remap-ns/op", false},
	{"region-ns/op", false},
	{"reset-ns/op", false},
	{"pt-ns/op", false},
	{"vcpu-ns/op", false},
	{"fallback/op", false},
	{"faults/op", false},
	{"failed/op", false},
	{"p50-ns/op", false},
	{"p99-ns/op", false},
	{"restores/s", true},
}

// Line renders u as a Unit metadata line of the Go benchmark format.
// Nothing is assumed about the distribution: restore times on a
// shared host have outliers.
func (u Unit) Line() string {
	better := "lower"
	if u.HigherBetter {
		better = "higher"
	}
	return "Unit " + u.Name + " better=" + better + " assume=nothing"
}
