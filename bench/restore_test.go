package bench

import (
	"runtime"
	"testing"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/strategy"
)

// BenchmarkRestore times, for each case, strategy and memory
// technique, the restore of the case's snapshot and the first call
// after it (see the package documentation).
func BenchmarkRestore(b *testing.B) { runConfigs(b, Restore, benchRestore) }

func benchRestore(b *testing.B, c Config) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()

	st, err := strategy.New(c.Strategy)
	if err != nil {
		b.Fatal(err)
	}
	w := newWorkload(c.Workload)
	r, err := newCaseRig(*c.Case, c.Mem, w)
	if err != nil {
		b.Fatal(err)
	}
	defer r.close()

	var t tally
	var failure error
	called := false // a first call whose faults are not read yet
	for b.Loop() {
		// b.Loop may not be left early; after a failure the
		// remaining iterations do nothing.
		if failure != nil {
			continue
		}
		b.StopTimer()
		if called {
			n, err := faults(r.target)
			if err != nil {
				b.Fatal(err)
			}
			t.faults += n
		}
		if err := r.prepare(w, t.n); err != nil {
			b.Fatal(err)
		}

		// The timed work runs on the target's own vCPU thread, as a
		// VMM's loop would: handing each call to a parked thread costs
		// more than the restore here, and is not what is measured.
		old := r.target
		var s *vmcore.Sandbox
		var fell bool
		var start, restored, done time.Time
		var callErr error
		driveErr := old.Drive(func() {
			b.StartTimer()
			start = time.Now()
			s, fell, err = strategy.RestoreOrFallback(old, r.incoming,
				st, r.cfg)
			restored = time.Now()
			if err == nil {
				callErr = w.firstCall(s)
			}
			done = time.Now()
			b.StopTimer()
		})
		b.StartTimer()
		if driveErr != nil {
			b.Fatal(driveErr)
		}
		r.target = s
		if err != nil {
			failure = err
			continue
		}
		if callErr != nil {
			b.Fatal(callErr)
		}
		steps := s.LastRestore()
		if fell {
			steps = old.LastRestore()
		}
		t.add(restored.Sub(start), done.Sub(restored), fell, steps)
		called = true
	}
	if called && failure == nil {
		n, err := faults(r.target)
		if err != nil {
			b.Fatal(err)
		}
		t.faults += n
	}

	t.report(b)
	if failure != nil {
		b.Logf("%s after %d iterations: %v", c.Strategy, t.n, failure)
		b.ReportMetric(1, "failed/op")
	}
}
