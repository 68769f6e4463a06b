package vmcore_test

import (
	"fmt"
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

// adopt admits every snapshot and unmaps dynamic regions first: the
// tests here exercise the core, not the lab's strategies.
type adopt struct{}

func (adopt) Name() string                   { return "test-adopt" }
func (adopt) Admit(_, _ layout.Layout) error { return nil }
func (adopt) UnmapDynamicFirst() bool        { return true }

// sameOnly refuses any layout change.
type sameOnly struct{}

func (sameOnly) Name() string { return "test-same" }
func (sameOnly) Admit(c, i layout.Layout) error {
	if d := c.Diff(i); len(d) > 0 {
		return fmt.Errorf("%w: %v", vmcore.ErrLayoutMismatch, d)
	}
	return nil
}
func (sameOnly) UnmapDynamicFirst() bool { return true }

func needKVM(t testing.TB) {
	t.Helper()
	if err := vmcore.Available(); err != nil {
		t.Skipf("KVM unusable here: %v", err)
	}
}

func newSandbox(t testing.TB, cfg vmcore.Config) *vmcore.Sandbox {
	t.Helper()
	needKVM(t)
	if cfg.Layout == (layout.Layout{}) {
		cfg.Layout = layout.Default()
	}
	s, err := vmcore.New(cfg)
	if err != nil {
		t.Fatalf("new sandbox: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func snapshot(t testing.TB, s *vmcore.Sandbox) *vmcore.Snapshot {
	t.Helper()
	sn, err := s.Snapshot()
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	t.Cleanup(sn.Release)
	return sn
}

func restore(t testing.TB, s *vmcore.Sandbox, sn *vmcore.Snapshot) {
	t.Helper()
	if err := s.Restore(sn, adopt{}); err != nil {
		t.Fatalf("restore: %v", err)
	}
}
