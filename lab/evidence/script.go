package evidence

import (
	"bytes"
	"fmt"

	"snaplab/vmcore"
)

// outcome is what one fixed script of calls returned, for comparing a
// restored sandbox with a fresh one.
type outcome struct {
	Echo     string
	Checksum uint64
	Alloc    uint64
	Layout   vmcore.GuestLayout
	Regs     vmcore.RegisterValues
	View     []byte
}

// runScript makes the same calls on any sandbox: an echo, a heap
// checksum, writes to two heap pages, an allocation, the guest's
// layout report, its registers and, last, every guest-visible byte.
func runScript(s *vmcore.Sandbox) (outcome, error) {
	var o outcome
	l := s.Layout()
	echo, err := s.Echo([]byte("evidence script"))
	if err != nil {
		return o, err
	}
	o.Echo = string(echo)
	if o.Checksum, err = s.Checksum(0, l.HeapSize); err != nil {
		return o, err
	}
	if err := s.Touch(0, 2, 1, 0x0123456789abcdef); err != nil {
		return o, err
	}
	if o.Alloc, err = s.Alloc(64); err != nil {
		return o, err
	}
	if o.Layout, err = s.LayoutReport(); err != nil {
		return o, err
	}
	if o.Regs, err = s.ReadRegisters(); err != nil {
		return o, err
	}
	if o.View, err = s.GuestView(); err != nil {
		return o, err
	}
	return o, nil
}

// differences says how two outcomes differ, empty if they do not.
func differences(a, b outcome) []string {
	var d []string
	if a.Echo != b.Echo {
		d = append(d, "echo result")
	}
	if a.Checksum != b.Checksum {
		d = append(d, "heap checksum")
	}
	if a.Alloc != b.Alloc {
		d = append(d, "allocation address")
	}
	if a.Layout != b.Layout {
		d = append(d, "guest layout report")
	}
	if a.Regs != b.Regs {
		d = append(d, "registers")
	}
	if !bytes.Equal(a.View, b.View) {
		n, first := pagesDiffering(a.View, b.View)
		d = append(d, fmt.Sprintf("guest-visible bytes (%d pages "+
			"differ, the first at view offset %#x)", n, first))
	}
	return d
}

// pagesDiffering counts the pages that differ and finds the first
// differing byte.
func pagesDiffering(a, b []byte) (pages, first int) {
	if len(a) != len(b) {
		return -1, 0
	}
	first = -1
	for off := 0; off < len(a); off += 4096 {
		if !bytes.Equal(a[off:off+4096], b[off:off+4096]) {
			pages++
			if first < 0 {
				for first = off; a[first] == b[first]; first++ {
				}
			}
		}
	}
	return pages, first
}
