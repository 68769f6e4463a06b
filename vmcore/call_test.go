package vmcore_test

import (
	"bytes"
	"errors"
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

func TestEchoRoundTrip(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	for _, n := range []int{0, 1, 7, 64, 4096, 16<<10 - 128} {
		in := make([]byte, n)
		for i := range in {
			in[i] = byte(i*7 + n)
		}
		out, err := s.Echo(in)
		if err != nil {
			t.Fatalf("echo %d bytes: %v", n, err)
		}
		if !bytes.Equal(in, out) {
			t.Fatalf("echo %d bytes: got %d bytes back, different", n, len(out))
		}
	}
	if _, err := s.Echo(make([]byte, 16<<10)); err == nil {
		t.Fatal("echo larger than the input buffer accepted")
	}
}

func TestHostFunctionCall(t *testing.T) {
	add := vmcore.HostFunction{
		Name: "add",
		Signature: vmcore.Signature{
			Params: []vmcore.Kind{vmcore.I64, vmcore.I64},
			Result: vmcore.I64},
		Call: func(a []uint64) (uint64, error) { return a[0] + a[1], nil },
	}
	s := newSandbox(t, vmcore.Config{HostFunctions: []vmcore.HostFunction{add}})
	got, err := s.CallHost("add", 40, 2)
	if err != nil || got != 42 {
		t.Fatalf("add(40, 2) = %d, %v", got, err)
	}
	if _, err := s.CallHost("missing", 1); !errors.Is(err, vmcore.ErrGuestStatus) {
		t.Fatalf("unknown host function: %v, want a guest status error", err)
	}
	if _, err := s.CallHost("add", 1); !errors.Is(err, vmcore.ErrGuestStatus) {
		t.Fatalf("wrong argument count: %v, want a guest status error", err)
	}
	if s.Status() != vmcore.Ready {
		t.Fatalf("status %v after host call errors", s.Status())
	}
}

func TestAllocationExhaustionIsAnError(t *testing.T) {
	l := layout.Default()
	s := newSandbox(t, vmcore.Config{Layout: l})
	a, err := s.Alloc(64 << 10)
	if err != nil {
		t.Fatalf("alloc 64KiB: %v", err)
	}
	if a < layout.SnapshotBase+l.HeapOffset() {
		t.Fatalf("alloc returned %#x, below the heap", a)
	}
	_, err = s.Alloc(l.HeapSize)
	var se *vmcore.StatusError
	if !errors.As(err, &se) || se.Status != 5 {
		t.Fatalf("alloc beyond heap: %v, want no-memory status", err)
	}
	if _, err := s.Alloc(1024); err != nil {
		t.Fatalf("small alloc after exhaustion: %v", err)
	}
	if s.Status() != vmcore.Ready {
		t.Fatalf("status %v after exhaustion", s.Status())
	}
}
