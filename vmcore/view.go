package vmcore

import (
	"fmt"

	"snaplab/vmcore/layout"
)

// GuestView returns every byte the guest can see, as it sees it: the
// snapshot region read through the guest's page tables (so pages it
// copied on write show their copies), then all of scratch. Evidence
// compares two sandboxes with it; it is too slow for a hot path.
func (s *Sandbox) GuestView() ([]byte, error) {
	var out []byte
	var err error
	if e := s.exec(func() error {
		if err = s.usable(); err != nil {
			return nil
		}
		l := s.layout
		out = make([]byte, 0, l.SnapshotSize+l.ScratchSize)
		ptBase := l.ScratchBase() + l.PTOffset()
		tables := s.scratch.mem[l.PTOffset():][:l.PTSize]
		for off := uint64(0); off < l.SnapshotSize; off += layout.PageSize {
			gpa := layout.SnapshotBase + off
			var src []byte
			src, err = s.pageSource(leafEntry(tables, ptBase, gpa), gpa)
			if err != nil {
				return nil
			}
			out = append(out, src...)
		}
		out = append(out, s.scratch.mem...)
		return nil
	}); e != nil {
		err = e
	}
	if err != nil {
		return nil, fmt.Errorf("guest view: %w", err)
	}
	return out, nil
}
