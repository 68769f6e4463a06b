package scenario

import (
	"errors"
	"strings"
	"testing"
	"time"

	"snaplab/vmcore"
)

// TestAttackDeepArrayIndexIsCubic: the position index records a line
// for every prefix of every path, joining the prefix into a map key
// each time, so a nested array of depth d costs O(d^3). go-toml itself
// decodes the same input in milliseconds and allows 10000 levels; at
// depth 1500 Parse already takes seconds, and a 20 KB file of depth
// 9999 keeps Load busy for about half an hour (extrapolated from 500:
// 0.3 s, 1000: 2.3 s, 2000: 16.6 s, 3000: 49 s measured here).
func TestAttackDeepArrayIndexIsCubic(t *testing.T) {
	const depth = 1500
	data := []byte(head + "[[case]]\nname = \"a\"\n" +
		"x = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n")
	start := time.Now()
	_, err := Parse("deep.toml", data)
	took := time.Since(start)
	t.Logf("depth %d (%d bytes): %v in %v", depth, len(data), err, took)
	if took > time.Second {
		t.Errorf("Parse of a %d-byte file took %v", len(data), took)
	}
}

// TestAttackDirtyPagesBeyondScratchAccepted: the loader checks
// echo_bytes against every layout's buffers but dirty_pages only
// against 0..4096. The bench caps the pages at the heap's page count,
// but every dirtied page also takes a free scratch page for its
// copy-on-write copy, and a valid layout needs only 12 spare pages.
// Here a 1 MiB heap with the default 288 KiB scratch is accepted with
// dirty_pages = 64; the run then dies with a guest fault on the first
// dirtying.
func TestAttackDirtyPagesBeyondScratchAccepted(t *testing.T) {
	src := head + `[workload]
dirty_pages = 64
[[case]]
name = "heap-1MiB"
source = { heap_size = "1MiB" }
target = { heap_size = "1MiB" }
`
	s, err := Parse("dirty.toml", []byte(src))
	if err != nil {
		t.Logf("refused: %v", err)
		return
	}
	if err := vmcore.Available(); err != nil {
		t.Skipf("accepted; KVM unusable to show the effect: %v", err)
	}
	c := s.Cases[0]
	sb, err := vmcore.New(vmcore.Config{Layout: c.Source})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	pages := min(uint64(s.Workload.DirtyPages), c.Source.HeapSize/4096)
	err = sb.Touch(0, pages, 1, 0x5eed|1) // what bench's dirty does
	if err != nil {
		t.Errorf("loader accepted dirty_pages = %d for a layout whose "+
			"scratch cannot hold that many copies: %v (guest fault: %v)",
			s.Workload.DirtyPages, err, errors.Is(err, vmcore.ErrGuestFault))
	}
}
