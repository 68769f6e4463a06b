package vmcore_test

import (
	"errors"
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

var errPlanted = errors.New("planted failure")

// TestRestoreStepFailures plants a failure in each restore step and
// checks the status DESIGN §2 predicts, then that a retried restore
// (where one is allowed) makes the sandbox Ready and usable.
func TestRestoreStepFailures(t *testing.T) {
	cases := []struct {
		step string
		// grow makes the snapshot's scratch larger, so that restore
		// replaces scratch instead of resetting it.
		grow bool
		want vmcore.Status
	}{
		{"unmap-snapshot-slot", false, vmcore.Unrecoverable},
		{"map-snapshot-slot", false, vmcore.Unrecoverable},
		{"alloc-scratch", true, vmcore.Unrecoverable},
		{"unmap-scratch-slot", true, vmcore.Unrecoverable},
		{"map-scratch-slot", true, vmcore.Unrecoverable},
		{"vcpu-regs", false, vmcore.Poisoned},
		{"vcpu-sregs", false, vmcore.Poisoned},
		{"vcpu-debugregs", false, vmcore.Poisoned},
		{"vcpu-xsave", false, vmcore.Poisoned},
		{"vcpu-msrs", false, vmcore.Poisoned},
		{"dynamic-unmap", false, vmcore.Poisoned},
	}
	for _, c := range cases {
		t.Run(c.step, func(t *testing.T) {
			src := layout.Default()
			if c.grow {
				src.ScratchSize = 512 << 10
			}
			donor := newSandbox(t, vmcore.Config{Layout: src})
			sn := snapshot(t, donor)
			s := newSandbox(t, vmcore.Config{})
			if _, err := s.MapRegion(0x8000_0000, 64<<10); err != nil {
				t.Fatal(err)
			}
			// A different blob forces the slot to be re-created.
			vmcore.InjectFault(s, c.step, errPlanted)
			err := s.Restore(sn, adopt{})
			if !errors.Is(err, errPlanted) {
				t.Fatalf("restore: %v, want the planted failure", err)
			}
			if got := s.Status(); got != c.want {
				t.Fatalf("status %v, want %v", got, c.want)
			}
			err = s.Restore(sn, adopt{})
			if c.want == vmcore.Unrecoverable {
				if !errors.Is(err, vmcore.ErrUnrecoverable) {
					t.Fatalf("retry on unrecoverable: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("retried restore: %v", err)
			}
			if s.Status() != vmcore.Ready {
				t.Fatalf("status %v after retry", s.Status())
			}
			if _, err := s.Echo([]byte("ok")); err != nil {
				t.Fatalf("echo after retry: %v", err)
			}
		})
	}
}

func TestAdmissionFailureChangesNothing(t *testing.T) {
	src := layout.Default()
	src.HeapSize = 256 << 10
	donor := newSandbox(t, vmcore.Config{Layout: src})
	sn := snapshot(t, donor)

	s := newSandbox(t, vmcore.Config{})
	if err := s.Touch(1, 3, 1, 0x77); err != nil {
		t.Fatal(err)
	}
	sum, _ := s.Checksum(0, layout.Default().HeapSize)
	r, err := s.MapRegion(0x8000_0000, 64<<10)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Restore(sn, sameOnly{})
	if !errors.Is(err, vmcore.ErrLayoutMismatch) {
		t.Fatalf("restore: %v, want a layout mismatch", err)
	}
	if s.Status() != vmcore.Ready || s.Layout() != layout.Default().WithOutputs() {
		t.Fatalf("status %v, layout %+v changed", s.Status(), s.Layout())
	}
	if got, _ := s.Checksum(0, layout.Default().HeapSize); got != sum {
		t.Fatal("heap changed by a refused restore")
	}
	if regs := s.Regions(); len(regs) != 1 || regs[0] != r {
		t.Fatalf("dynamic regions changed: %v", regs)
	}
}

func TestInvalidSnapshotIsRefusedByEveryPath(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	bad := *sn
	bad.Entry = 0x1000
	if err := s.Restore(&bad, adopt{}); !errors.Is(err, vmcore.ErrInvalidSnapshot) {
		t.Fatalf("restore of a snapshot entering at the null guard: %v", err)
	}
	if _, err := vmcore.NewFromSnapshot(&bad, vmcore.Config{}); !errors.Is(
		err, vmcore.ErrInvalidSnapshot) {
		t.Fatalf("fresh sandbox from it: %v", err)
	}
	if s.Status() != vmcore.Ready {
		t.Fatalf("status %v", s.Status())
	}
}
