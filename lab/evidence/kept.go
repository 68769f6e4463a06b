package evidence

import (
	"fmt"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

// derived are the addresses and sizes host and guest must agree on
// for a restore to work. Each is computed by package layout or vmcore
// from a Layout, the same code the restore path uses.
var derived = []struct {
	name string
	of   func(layout.Layout) uint64
}{
	{"snapshot region size", func(l layout.Layout) uint64 {
		return l.GuestVisibleSize()
	}},
	{"PEB address", func(l layout.Layout) uint64 { return l.PEBOffset() }},
	{"heap size", func(l layout.Layout) uint64 { return l.HeapSize }},
	{"init data address", func(l layout.Layout) uint64 {
		return l.InitDataOffset()
	}},
	{"init data page flags", func(l layout.Layout) uint64 {
		return vmcore.PageFlags(l,
			layout.SnapshotBase+l.InitDataOffset())
	}},
	{"output buffer offset", func(l layout.Layout) uint64 {
		return l.OutputOffset()
	}},
	{"input buffer size", func(l layout.Layout) uint64 { return l.InputSize }},
	{"output buffer size", func(l layout.Layout) uint64 {
		return l.OutputSize
	}},
	{"PT copy address", func(l layout.Layout) uint64 {
		return l.ScratchBase() + l.PTOffset()
	}},
	{"PT size", func(l layout.Layout) uint64 { return l.PageTableSize() }},
	{"scratch base", func(l layout.Layout) uint64 { return l.ScratchBase() }},
	{"stack top", func(l layout.Layout) uint64 { return l.StackTop() }},
}

// keptDisagreements lists what would be wrong if a sandbox restored a
// snapshot's memory but kept its own layout: every derived address
// or size that the two layouts put in different places.
func keptDisagreements(own, snap layout.Layout) []string {
	var out []string
	for _, d := range derived {
		if a, b := d.of(own), d.of(snap); a != b {
			out = append(out, fmt.Sprintf("%s (%#x vs %#x)", d.name, a, b))
		}
	}
	return out
}
