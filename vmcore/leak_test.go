package vmcore_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"snaplab/vmcore"
)

// processResources counts open fds and mappings and reads the
// resident set size, from /proc/self.
func processResources(t *testing.T) (fds, maps int, rssKiB int) {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	m, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(st), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			rssKiB, _ = strconv.Atoi(f[1])
		}
	}
	return len(ents), strings.Count(string(m), "\n"), rssKiB
}

func TestRestoreCyclesLeakNothing(t *testing.T) {
	cycles := 10000
	if testing.Short() {
		cycles = 500
	}
	s := newSandbox(t, vmcore.Config{})
	if err := s.Touch(0, 2, 1, 7); err != nil {
		t.Fatal(err)
	}
	sn := snapshot(t, s)
	cycle := func() {
		restore(t, s, sn)
		if err := s.Touch(4, 2, 1, 9); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Echo([]byte("cycle")); err != nil {
			t.Fatal(err)
		}
	}
	// Warm up so that lazily made runtime state does not count.
	for range 200 {
		cycle()
	}
	fds0, maps0, rss0 := processResources(t)
	for range cycles {
		cycle()
	}
	fds1, maps1, rss1 := processResources(t)
	if fds1 != fds0 {
		t.Errorf("open fds %d -> %d over %d cycles", fds0, fds1, cycles)
	}
	if maps1 > maps0+16 {
		t.Errorf("mappings %d -> %d over %d cycles", maps0, maps1, cycles)
	}
	// The Go heap may settle a little; a leak of one page per cycle
	// would add tens of MiB.
	if rss1 > rss0+8<<10 {
		t.Errorf("resident set %d KiB -> %d KiB over %d cycles",
			rss0, rss1, cycles)
	}
	t.Logf("%d cycles: fds %d->%d, maps %d->%d, rss %d->%d KiB",
		cycles, fds0, fds1, maps0, maps1, rss0, rss1)
}

func TestCloseReleasesEverything(t *testing.T) {
	needKVM(t)
	// Warm the process-wide /dev/kvm fd and the thread pool first.
	newSandbox(t, vmcore.Config{}).Close()
	fds0, maps0, _ := processResources(t)
	for range 20 {
		s, err := vmcore.New(vmcore.Config{})
		if err != nil {
			t.Fatal(err)
		}
		sn, err := s.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MapRegion(0x4000_0000, 1<<20); err != nil {
			t.Fatal(err)
		}
		s.Close()
		sn.Release()
	}
	fds1, maps1, _ := processResources(t)
	if fds1 != fds0 || maps1 > maps0+16 {
		t.Fatalf("after 20 sandboxes: fds %d -> %d, maps %d -> %d",
			fds0, fds1, maps0, maps1)
	}
}
