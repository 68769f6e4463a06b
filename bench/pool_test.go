package bench

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/montanaflynn/stats"

	"snaplab/vmcore"
	"snaplab/vmcore/strategy"
)

// BenchmarkPool serves restores of tenants' snapshots from a pool of
// sandboxes: each iteration restores a snapshot picked by a seeded
// generator into the next sandbox in turn and makes the first call.
// Between iterations, outside the timer, the tenant's workload runs
// in the sandbox it was restored into.
func BenchmarkPool(b *testing.B) { runConfigs(b, Pool, benchPool) }

// poolRig holds a pool's snapshots, one per tenant, and sandboxes,
// which start with the first tenant's layout.
type poolRig struct {
	cfg       vmcore.Config
	snapshots []*vmcore.Snapshot
	sandboxes []*vmcore.Sandbox
}

func newPoolRig(c Config, w workload) (*poolRig, error) {
	p := c.Pool
	r := &poolRig{}
	for i, l := range p.Tenants {
		cfg, err := sandboxConfig(l, c.Mem)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			r.cfg = cfg
		}
		s, sn, err := snapshotAfterWork(cfg, w)
		if err != nil {
			r.close()
			return nil, fmt.Errorf("pool tenant %d: %w", i, err)
		}
		s.Close()
		r.snapshots = append(r.snapshots, sn)
	}
	for range p.Sandboxes {
		s, err := vmcore.New(r.cfg)
		if err != nil {
			r.close()
			return nil, fmt.Errorf("pool sandbox: %w", err)
		}
		r.sandboxes = append(r.sandboxes, s)
	}
	return r, nil
}

func (r *poolRig) close() {
	for _, s := range r.sandboxes {
		s.Close()
	}
	for _, sn := range r.snapshots {
		sn.Release()
	}
}

func benchPool(b *testing.B, c Config) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()

	st, err := strategy.New(c.Strategy)
	if err != nil {
		b.Fatal(err)
	}
	w := newWorkload(c.Workload)
	r, err := newPoolRig(c, w)
	if err != nil {
		b.Fatal(err)
	}
	defer r.close()

	pick := rand.New(rand.NewPCG(uint64(c.Pool.Seed), 0))
	var latencies []float64
	var fallbacks int
	var failure error
	last := -1 // the sandbox whose tenant still has to run its work
	for b.Loop() {
		if failure != nil {
			continue
		}
		b.StopTimer()
		if last >= 0 {
			err := w.dirty(r.sandboxes[last], uint64(len(latencies)))
			if err != nil {
				b.Fatal(err)
			}
		}
		i := pick.IntN(len(r.snapshots))
		j := len(latencies) % len(r.sandboxes)
		b.StartTimer()

		start := time.Now()
		s, fell, err := strategy.RestoreOrFallback(r.sandboxes[j],
			r.snapshots[i], st, r.cfg)
		restored := time.Now()
		r.sandboxes[j] = s
		if err != nil {
			failure = err
			continue
		}
		if err := w.firstCall(s); err != nil {
			b.Fatal(err)
		}
		latencies = append(latencies,
			float64(restored.Sub(start).Nanoseconds()))
		if fell {
			fallbacks++
		}
		last = j
	}

	reportPool(b, latencies, fallbacks)
	if failure != nil {
		b.Logf("%s after %d restores: %v", c.Strategy, len(latencies),
			failure)
		b.ReportMetric(1, "failed/op")
	}
}

// reportPool writes the pool's metrics over the restore latencies,
// in nanoseconds.
func reportPool(b *testing.B, latencies []float64, fallbacks int) {
	if len(latencies) == 0 {
		return
	}
	sum, _ := stats.Sum(latencies)
	p50, _ := stats.Percentile(latencies, 50)
	p99, _ := stats.Percentile(latencies, 99)
	n := float64(len(latencies))
	b.ReportMetric(n/(sum/1e9), "restores/s")
	b.ReportMetric(p50, "p50-ns/op")
	b.ReportMetric(p99, "p99-ns/op")
	b.ReportMetric(sum/n, "restore-ns/op")
	b.ReportMetric(float64(fallbacks)/n, "fallback/op")
}
