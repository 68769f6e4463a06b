package vmcore_test

import (
	"strconv"
	"testing"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

// BenchmarkSameLayoutRestore restores a sandbox with its own snapshot
// after the guest dirtied heap pages through in-guest copy-on-write.
// At the default sizes (128 KiB heap, 16 KiB input and output, 288 KiB
// scratch) the heap has only 32 pages, so 64 dirtied pages are run on
// a 1 MiB heap with 576 KiB scratch (room for the copies). Dirtying is
// untimed guest work of tens of milliseconds per iteration here: run
// with -benchtime=Nx.
//
//	restore:      Restore alone
//	restore+echo: Restore and the next 64-byte echo
//	cow:          the guest writing the pages, less the same writes
//	              to pages already copied, per page
func BenchmarkSameLayoutRestore(b *testing.B) {
	big := layout.Default()
	big.HeapSize, big.ScratchSize = 1<<20, 576<<10
	for _, c := range []struct {
		name  string
		l     layout.Layout
		dirty uint64
	}{
		{"default", layout.Default(), 32},
		{"heap=1MiB/scratch=576KiB", big, 64},
	} {
		b.Run("layout="+c.name, func(b *testing.B) {
			benchSameLayout(b, c.l, c.dirty)
		})
	}
}

func benchSameLayout(b *testing.B, l layout.Layout, dirty uint64) {
	s := newSandbox(b, vmcore.Config{Layout: l})
	sn := snapshot(b, s)
	dirtyAll := func() {
		if err := s.Touch(0, dirty, 1, 0x55); err != nil {
			b.Fatal(err)
		}
	}
	// Each phase runs twice: driven from the sandbox's own thread (what
	// the lab quotes) and from the benchmark's goroutine, each call
	// handed to the vCPU thread (what a naive caller pays).
	drivers := []struct {
		name string
		run  func(func())
	}{
		{"thread", func(f func()) {
			if err := s.Drive(f); err != nil {
				b.Fatal(err)
			}
		}},
		{"handoff", func(f func()) { f() }},
	}
	for _, d := range drivers {
		name := func(phase string) string {
			return "phase=" + phase + "/dirty=" +
				strconv.FormatUint(dirty, 10) + "pages/driver=" + d.name
		}
		b.Run(name("restore"), func(b *testing.B) {
			var thread time.Duration
			d.run(func() {
				for b.Loop() {
					b.StopTimer()
					dirtyAll()
					b.StartTimer()
					restore(b, s, sn)
					thread += s.LastRestore().Total
				}
			})
			b.ReportMetric(float64(thread.Nanoseconds())/float64(b.N),
				"restore-thread-ns/op")
		})
		b.Run(name("restore+echo"), func(b *testing.B) {
			msg := make([]byte, 64)
			d.run(func() {
				for b.Loop() {
					b.StopTimer()
					dirtyAll()
					b.StartTimer()
					restore(b, s, sn)
					if _, err := s.Echo(msg); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
	b.Run("phase=cow/dirty="+strconv.FormatUint(dirty, 10)+"pages",
		func(b *testing.B) {
			var fault, again time.Duration
			drivers[0].run(func() {
				for b.Loop() {
					b.StopTimer()
					restore(b, s, sn)
					if _, err := s.Echo(nil); err != nil {
						b.Fatal(err)
					}
					start := time.Now()
					dirtyAll()
					fault += time.Since(start)
					start = time.Now()
					dirtyAll()
					again += time.Since(start)
					b.StartTimer()
				}
			})
			n := float64(b.N) * float64(dirty)
			b.ReportMetric(float64(fault-again)/n, "cow-ns/page")
		})
}
