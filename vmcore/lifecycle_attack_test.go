package vmcore_test

import (
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/guest"
)

// catch runs f and returns what it panicked with, or nil.
func catch(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

// TestAttackMethodsAfterClose: Close stops the vCPU thread by closing
// its work channel. UnmapRegion, Drive and FloorRestore do not check
// the status first, so each hands work to the closed channel and
// panics ("send on closed channel") instead of returning ErrClosed.
func TestAttackMethodsAfterClose(t *testing.T) {
	needKVM(t)
	s, err := vmcore.New(vmcore.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.MapRegion(0x8000_0000, 64<<10)
	if err != nil {
		t.Fatal(err)
	}
	sn, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	sn.Release() // a released snapshot: blob nil, as is a closed sandbox's
	s.Close()

	for _, c := range []struct {
		name string
		f    func()
	}{
		{"UnmapRegion", func() { _ = s.UnmapRegion(r) }},
		{"Drive", func() { s.Drive(func() {}) }},
		{"FloorRestore", func() { _, _ = s.FloorRestore(sn) }},
		{"Restore", func() { _ = s.Restore(sn, adopt{}) }},
		{"Call", func() { _, _ = s.Call(vmcore.Request{Function: guest.FnEcho}) }},
		{"MapRegion", func() { _, _ = s.MapRegion(0x9000_0000, 4096) }},
		{"Snapshot", func() { _, _ = s.Snapshot() }},
		{"GuestView", func() { _, _ = s.GuestView() }},
		{"Close", func() { _ = s.Close() }},
	} {
		if p := catch(c.f); p != nil {
			t.Errorf("%s on a closed sandbox panics: %v", c.name, p)
		}
	}
}

// TestAttackDriveWithConcurrentCallDeadlocks: sandbox methods lock
// s.mu and are safe from many goroutines, but Drive does not take the
// lock. A call from another goroutine while a Drive loop runs takes
// s.mu, queues its work and waits for the thread, which is running the
// Drive loop, whose next inline call waits for s.mu: a deadlock. (The
// benchmarks' Drive loops are exactly this shape.)
func TestAttackDriveWithConcurrentCallDeadlocks(t *testing.T) {
	needKVM(t)
	// No t.Cleanup(Close): Close would hang on the deadlocked sandbox.
	s, err := vmcore.New(vmcore.Config{})
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	driveDone := make(chan struct{})
	go func() {
		defer close(driveDone)
		s.Drive(func() {
			close(started)
			for range 2000 {
				if _, err := s.Echo([]byte("loop")); err != nil {
					return
				}
			}
		})
	}()
	<-started
	callDone := make(chan error, 1)
	go func() {
		_, err := s.Echo([]byte("from another goroutine"))
		callDone <- err
	}()
	select {
	case err := <-callDone:
		<-driveDone
		s.Close()
		t.Logf("no deadlock this time (call: %v)", err)
	case <-time.After(10 * time.Second):
		t.Fatal("a Call from a second goroutine during Drive " +
			"deadlocked for 10s (the sandbox is now unusable; its " +
			"goroutines are leaked)")
	}
}

// TestAttackDriveStealsCompletion: without a sandbox call inside the
// Drive function there is no deadlock, but the two waiters share one
// completion channel: when the Drive function ends, its completion may
// be taken by the other goroutine's Echo, which then returns before its
// work ran, with a zero Response and no error, and the work runs later
// without the lock held.
func TestAttackDriveStealsCompletion(t *testing.T) {
	// Enough Ps that the Drive caller, the Echo caller and the vCPU
	// thread all poll at once, as on any machine with a few cores.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	s := newSandbox(t, vmcore.Config{})
	bad := 0
	const rounds = 200
	for i := range rounds {
		started := make(chan struct{})
		driveDone := make(chan struct{})
		go func() {
			defer close(driveDone)
			s.Drive(func() {
				close(started)
				// Short enough that both waiters are still in
				// their polling phase when it ends.
				for end := time.Now().Add(100 * time.Microsecond); time.Now().Before(end); {
				}
			})
		}()
		<-started
		want := fmt.Sprintf("echo %d", i)
		out, err := s.Echo([]byte(want))
		<-driveDone
		if err == nil && string(out) != want {
			bad++
			if bad == 1 {
				t.Logf("round %d: Echo(%q) = %q, nil error", i, want, out)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d Echo calls made during a Drive returned a "+
			"wrong result with no error", bad, rounds)
	}
}

// TestAttackCloseCannotStopRunningGuest: Close waits for s.mu, which a
// running call holds; nothing kicks the vCPU. Every typed wrapper
// (Echo, Touch, Checksum, ...) calls without a deadline, so a guest
// that does not return (here the guest's own spin function, standing
// for a malicious image) makes both the call and Close hang forever.
func TestAttackCloseCannotStopRunningGuest(t *testing.T) {
	needKVM(t)
	s, err := vmcore.New(vmcore.Config{})
	if err != nil {
		t.Fatal(err)
	}
	go s.Call(vmcore.Request{Function: guest.FnSpin}) // no deadline
	time.Sleep(100 * time.Millisecond)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		t.Logf("Close returned %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return within 5s while a call ran; " +
			"the sandbox (VM, vCPU, thread, memory) can never be freed")
	}
}

// TestAttackDeadlineInPastStillPoisonsCleanly is a control: a deadline
// already passed stops the call and poisons, and restore recovers.
func TestAttackDeadlineInPastStillPoisonsCleanly(t *testing.T) {
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	_, err := s.Call(vmcore.Request{Function: guest.FnSpin,
		Deadline: time.Now().Add(-time.Second)})
	if !errors.Is(err, vmcore.ErrDeadline) || s.Status() != vmcore.Poisoned {
		t.Fatalf("call with past deadline: %v, status %v", err, s.Status())
	}
	restore(t, s, sn)
	if _, err := s.Echo([]byte("ok")); err != nil {
		t.Fatal(err)
	}
}

// TestAttackHostFunctionCannotUseItsSandbox: a host function runs on
// the vCPU thread in the middle of a call, with the sandbox's lock
// held. Any sandbox method it makes on its own sandbox, even a
// read-only one such as Layout, waits for that lock (or queues work
// for the thread it is running on) and the call never returns.
func TestAttackHostFunctionCannotUseItsSandbox(t *testing.T) {
	needKVM(t)
	var s *vmcore.Sandbox
	fn := vmcore.HostFunction{Name: "peek",
		Signature: vmcore.Signature{Result: vmcore.U64},
		Call: func([]uint64) (uint64, error) {
			return s.Layout().HeapSize, nil
		}}
	s, err := vmcore.New(vmcore.Config{
		HostFunctions: []vmcore.HostFunction{fn}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.CallHost("peek")
		done <- err
	}()
	select {
	case err := <-done:
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a host function calling Layout() on its own sandbox " +
			"deadlocked the call (sandbox leaked)")
	}
}

// TestAttackHostFunctionDrivesItsSandbox: as above, with Drive, which
// does not go through the operation path that detects re-entry.
func TestAttackHostFunctionDrivesItsSandbox(t *testing.T) {
	needKVM(t)
	var s *vmcore.Sandbox
	fn := vmcore.HostFunction{Name: "drive",
		Signature: vmcore.Signature{Result: vmcore.U64},
		Call: func([]uint64) (uint64, error) {
			s.Drive(func() {})
			return 1, nil
		}}
	s, err := vmcore.New(vmcore.Config{
		HostFunctions: []vmcore.HostFunction{fn}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.CallHost("drive")
		done <- err
	}()
	select {
	case err := <-done:
		s.Close()
		t.Logf("call: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("a host function calling Drive on its own sandbox " +
			"deadlocked the call (sandbox leaked)")
	}
}
