package bench

import (
	"flag"
	"strings"
	"testing"

	"snaplab/lab/scenario"
	"snaplab/vmcore"
)

// The metrics each benchmark must report.
var (
	restoreMetrics = []string{"restore-ns/op", "restore-thread-ns/op",
		"first-call-ns/op", "admit-ns/op", "remap-ns/op",
		"region-ns/op", "reset-ns/op", "pt-ns/op", "vcpu-ns/op",
		"fallback/op", "faults/op"}
	fallbackMetrics = []string{"restore-ns/op", "first-call-ns/op",
		"admit-ns/op", "fallback/op", "faults/op"}
	floorMetrics = []string{"restore-ns/op", "restore-thread-ns/op",
		"first-call-ns/op", "faults/op"}
	poolMetrics = []string{"restores/s", "p50-ns/op", "p99-ns/op",
		"restore-ns/op", "fallback/op"}
)

// counts are metrics that may be zero: the others are times.
var counts = map[string]bool{"fallback/op": true, "faults/op": true,
	"remap-ns/op": true, "region-ns/op": true}

// TestBodies runs each benchmark body of the smoke and pool scenarios
// for two iterations and checks what it reports.
func TestBodies(t *testing.T) {
	if err := vmcore.Available(); err != nil {
		t.Skipf("KVM unavailable: %v", err)
	}
	if benchmarking() {
		// testing.Benchmark would swallow the goos, goarch, pkg and
		// cpu lines go test prints once, before the first benchmark.
		t.Skip("the benchmarks run the bodies themselves")
	}
	setBenchtime(t, "2x")
	bodies := map[string]func(*testing.B, Config){Restore: benchRestore,
		Floor: benchFloor, Pool: benchPool}
	for _, file := range []string{defaultScenario,
		"../scenarios/pool.toml"} {
		s, err := scenario.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range Configs(s) {
			if c.Pool != nil {
				c.Pool = smallPool(c.Pool)
			}
			r := testing.Benchmark(func(b *testing.B) {
				bodies[c.Benchmark](b, c)
			})
			checkResult(t, c, r)
		}
	}
}

// checkResult checks the metrics of one configuration's result.
func checkResult(t *testing.T, c Config, r testing.BenchmarkResult) {
	t.Helper()
	name := c.FullName()
	if r.N != 2 {
		t.Errorf("%s: %d iterations, want 2 (did it fail?)", name, r.N)
		return
	}
	if _, failed := r.Extra["failed/op"]; failed {
		t.Errorf("%s: a restore failed", name)
	}
	want := restoreMetrics
	fell := r.Extra["fallback/op"] == 1
	switch {
	case c.Benchmark == Floor:
		want = floorMetrics
	case c.Benchmark == Pool:
		want = poolMetrics
	case fell:
		want = fallbackMetrics
	}
	for _, m := range want {
		v, ok := r.Extra[m]
		switch {
		case !ok:
			t.Errorf("%s: no %s", name, m)
		case v < 0 || v == 0 && !counts[m]:
			t.Errorf("%s: %s = %v", name, m, v)
		}
	}

	crossStrict := c.Case != nil && !SameLayout(*c.Case) &&
		c.Strategy == "strict"
	if c.Benchmark == Restore && fell != crossStrict {
		t.Errorf("%s: fallback/op = %v", name, r.Extra["fallback/op"])
	}
	if c.Benchmark == Restore && !fell && strings.Contains(name,
		"case=heap-grow") && r.Extra["remap-ns/op"] == 0 {
		t.Errorf("%s: a heap that grows re-created no slot", name)
	}
}

// smallPool is p with few enough sandboxes and tenants for a test.
func smallPool(p *scenario.Pool) *scenario.Pool {
	q := *p
	q.Sandboxes = min(q.Sandboxes, 2)
	q.Tenants = q.Tenants[:min(len(q.Tenants), 3)]
	return &q
}

// setBenchtime sets -test.benchtime for the test's duration.
func setBenchtime(t *testing.T, v string) {
	f := flag.Lookup("test.benchtime")
	old := f.Value.String()
	if err := flag.Set("test.benchtime", v); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Set("test.benchtime", old) })
}

// TestDirtyCountsFaults checks the fault counter the benchmarks read:
// dirtying the workload's pages after a restore costs one
// copy-on-write fault each.
func TestDirtyCountsFaults(t *testing.T) {
	if err := vmcore.Available(); err != nil {
		t.Skipf("KVM unavailable: %v", err)
	}
	s, err := scenario.Load(defaultScenario)
	if err != nil {
		t.Fatal(err)
	}
	w := newWorkload(s.Workload)
	r, err := newCaseRig(s.Cases[0], "guest-cow", w)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	if err := r.prepare(w, 1); err != nil {
		t.Fatal(err)
	}
	n, err := faults(r.target)
	if err != nil {
		t.Fatal(err)
	}
	if n < uint64(w.DirtyPages) {
		t.Errorf("%d faults after dirtying %d pages", n, w.DirtyPages)
	}
}
