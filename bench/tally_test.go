package bench

import (
	"testing"
	"time"

	"snaplab/vmcore"
)

// tally sums what the iterations of a restore benchmark measured, to
// report it per iteration.
type tally struct {
	n         int
	fallbacks int
	inPlace   int // iterations that restored without the fallback
	faults    uint64

	restore   time.Duration // wall time, fallback included
	firstCall time.Duration
	admit     time.Duration // including a refusing strategy's
	steps     vmcore.RestoreTiming
}

// add records one iteration. steps is the in-place restore's timing,
// or, after a fallback, the refused restore's: all of which was the
// admission check that refused it.
func (t *tally) add(restore, firstCall time.Duration, fell bool,
	steps vmcore.RestoreTiming) {
	t.n++
	t.restore += restore
	t.firstCall += firstCall
	if fell {
		t.admit += steps.Total
		t.fallbacks++
		return
	}
	t.admit += steps.Admit
	t.inPlace++
	t.steps.Remap += steps.Remap
	t.steps.Region += steps.Region
	t.steps.Reset += steps.Reset
	t.steps.PT += steps.PT
	t.steps.VCPU += steps.VCPU
	t.steps.Total += steps.Total
}

// report writes the per-iteration metrics. The steps of the restore
// are left out when every iteration took the fallback: they did not
// happen, and zeros would read as free.
func (t *tally) report(b *testing.B) {
	if t.n == 0 {
		return
	}
	per := func(d time.Duration) float64 {
		return float64(d.Nanoseconds()) / float64(t.n)
	}
	b.ReportMetric(per(t.restore), "restore-ns/op")
	b.ReportMetric(per(t.firstCall), "first-call-ns/op")
	b.ReportMetric(per(t.admit), "admit-ns/op")
	if t.inPlace > 0 {
		b.ReportMetric(per(t.steps.Total), "restore-thread-ns/op")
		b.ReportMetric(per(t.steps.Remap), "remap-ns/op")
		b.ReportMetric(per(t.steps.Region), "region-ns/op")
		b.ReportMetric(per(t.steps.Reset), "reset-ns/op")
		b.ReportMetric(per(t.steps.PT), "pt-ns/op")
		b.ReportMetric(per(t.steps.VCPU), "vcpu-ns/op")
	}
	b.ReportMetric(float64(t.fallbacks)/float64(t.n), "fallback/op")
	b.ReportMetric(float64(t.faults)/float64(t.n), "faults/op")
}
