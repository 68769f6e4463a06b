package bench

import (
	"bytes"
	"fmt"

	"snaplab/lab/scenario"
	"snaplab/vmcore"
	"snaplab/vmcore/layout"
	"snaplab/vmcore/strategy"
)

// sandboxConfig is the configuration of a sandbox of layout l with
// the memory technique and scratch reset that mem names.
func sandboxConfig(l layout.Layout, mem string) (vmcore.Config, error) {
	tech, reset, err := vmcore.ParseMemory(mem)
	if err != nil {
		return vmcore.Config{}, err
	}
	return vmcore.Config{Layout: l, Technique: tech,
		ScratchReset: reset}, nil
}

// back is the strategy that returns a sandbox to its base snapshot
// between iterations: it admits any layout, so it also undoes what a
// cross-layout restore changed.
var back = strategy.MustNew(strategy.Adopt)

// workload is what the guest does between restores, and the payload
// of the timed first call.
type workload struct {
	scenario.Workload
	payload []byte
}

func newWorkload(w scenario.Workload) workload {
	p := make([]byte, w.EchoBytes)
	for i := range p {
		p[i] = byte(i*7 + 1)
	}
	return workload{w, p}
}

// dirty writes the workload's heap pages, as many as the heap holds,
// then makes the further calls. pattern varies what is written.
func (w workload) dirty(s *vmcore.Sandbox, pattern uint64) error {
	pages := min(uint64(w.DirtyPages), s.Layout().HeapSize/layout.PageSize)
	if pages > 0 {
		if err := s.Touch(0, pages, 1, pattern|1); err != nil {
			return fmt.Errorf("dirty %d heap pages: %w", pages, err)
		}
	}
	for range w.Calls {
		if err := w.firstCall(s); err != nil {
			return err
		}
	}
	return nil
}

// firstCall is the echo made right after a restore.
func (w workload) firstCall(s *vmcore.Sandbox) error {
	got, err := s.Echo(w.payload)
	if err != nil {
		return err
	}
	if !bytes.Equal(got, w.payload) {
		return fmt.Errorf("echo: sent %d bytes, got back %d others",
			len(w.payload), len(got))
	}
	return nil
}

// faults reads how many copy-on-write faults the guest has taken
// since the latest restore.
func faults(s *vmcore.Sandbox) (uint64, error) {
	r, err := s.LayoutReport()
	return r.CowFaults, err
}

// snapshotAfterWork builds a sandbox from cfg, runs the workload in it
// and snapshots it.
func snapshotAfterWork(cfg vmcore.Config, w workload) (*vmcore.Sandbox,
	*vmcore.Snapshot, error) {
	s, err := vmcore.New(cfg)
	if err != nil {
		return nil, nil, err
	}
	if err := w.dirty(s, 0x5eed); err != nil {
		s.Close()
		return nil, nil, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, sn, nil
}
