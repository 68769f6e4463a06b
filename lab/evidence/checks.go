package evidence

import (
	"errors"
	"fmt"

	"snaplab/vmcore"
	"snaplab/vmcore/guest"
	"snaplab/vmcore/layout"
)

// checkLayoutReport compares the guest's view of its layout with the
// snapshot's recorded layout.
func checkLayoutReport(s *vmcore.Sandbox, want layout.Layout) error {
	g, err := s.LayoutReport()
	if err != nil {
		return err
	}
	got := []uint64{g.InputSize, g.OutputSize, g.HeapSize, g.CodeSize,
		g.InitDataSize, g.InitDataPerms, g.ScratchSize, g.SnapshotSize}
	exp := []uint64{want.InputSize, want.OutputSize, want.HeapSize,
		want.CodeSize, want.InitDataSize, uint64(want.InitDataPerms),
		want.ScratchSize, want.SnapshotSize}
	for i := range got {
		if got[i] != exp[i] {
			return fmt.Errorf("guest reports %+v, snapshot has %+v", g, want)
		}
	}
	return nil
}

// checkLimits makes calls at the edge of the new layout: the largest
// echo the buffers allow must succeed and one byte more must fail
// cleanly; an allocation of the whole heap must fail cleanly and a
// small one succeed. The sandbox must stay Ready throughout.
func checkLimits(s *vmcore.Sandbox, l layout.Layout) error {
	most := min(l.InputSize, l.OutputSize) - guest.HeaderSize
	if _, err := s.Echo(make([]byte, most)); err != nil {
		return fmt.Errorf("echo of %d bytes, the most the layout "+
			"allows: %w", most, err)
	}
	if _, err := s.Echo(make([]byte, most+1)); err == nil {
		return fmt.Errorf("echo of %d bytes fit a layout that allows %d",
			most+1, most)
	}
	var se *vmcore.StatusError
	if _, err := s.Alloc(l.HeapSize); !errors.As(err, &se) ||
		se.Status != guest.StNoMemory {
		return fmt.Errorf("alloc of the whole %s heap: %v, want no memory",
			layout.FormatSize(l.HeapSize), err)
	}
	if _, err := s.Alloc(16); err != nil {
		return fmt.Errorf("small alloc after a refused one: %w", err)
	}
	if s.Status() != vmcore.Ready {
		return fmt.Errorf("status %v after limit calls", s.Status())
	}
	return nil
}
