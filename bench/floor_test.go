package bench

import (
	"runtime"
	"testing"
	"time"
)

// BenchmarkFloor times, for each case that keeps its layout, the
// bare kernel and memory sequence of the same restore
// (vmcore.Sandbox.FloorRestore) and the first call after it, from
// the same starting point as BenchmarkRestore. Its restore-ns/op and
// restore-thread-ns/op mean what BenchmarkRestore's do: the wall time
// of the call, driven from the vCPU thread, and the time the restore
// measured itself.
func BenchmarkFloor(b *testing.B) { runConfigs(b, Floor, benchFloor) }

func benchFloor(b *testing.B, c Config) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()

	w := newWorkload(c.Workload)
	r, err := newCaseRig(*c.Case, c.Mem, w)
	if err != nil {
		b.Fatal(err)
	}
	defer r.close()

	var n int
	var restore, thread, firstCall time.Duration
	var faultCount uint64
	for b.Loop() {
		b.StopTimer()
		if n > 0 {
			f, err := faults(r.target)
			if err != nil {
				b.Fatal(err)
			}
			faultCount += f
		}
		if err := r.prepare(w, n); err != nil {
			b.Fatal(err)
		}

		// Timed on the target's own thread, as BenchmarkRestore is.
		var d time.Duration
		var start, restored, done time.Time
		var callErr error
		driveErr := r.target.Drive(func() {
			b.StartTimer()
			start = time.Now()
			d, err = r.target.FloorRestore(r.base)
			restored = time.Now()
			if err == nil {
				callErr = w.firstCall(r.target)
			}
			done = time.Now()
			b.StopTimer()
		})
		b.StartTimer()
		if driveErr != nil {
			b.Fatal(driveErr)
		}
		if err != nil {
			b.Fatal(err)
		}
		if callErr != nil {
			b.Fatal(callErr)
		}
		firstCall += done.Sub(restored)
		restore += restored.Sub(start)
		thread += d
		n++
	}
	f, err := faults(r.target)
	if err != nil {
		b.Fatal(err)
	}
	faultCount += f

	per := func(d time.Duration) float64 {
		return float64(d.Nanoseconds()) / float64(n)
	}
	b.ReportMetric(per(restore), "restore-ns/op")
	b.ReportMetric(per(thread), "restore-thread-ns/op")
	b.ReportMetric(per(firstCall), "first-call-ns/op")
	b.ReportMetric(float64(faultCount)/float64(n), "faults/op")
}
