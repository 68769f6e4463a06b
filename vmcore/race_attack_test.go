package vmcore_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"snaplab/vmcore"
)

// TestAttackConcurrentOperationsAndClose: several goroutines call,
// restore, snapshot, map and unmap regions and read the status of one
// sandbox while another goroutine closes it part way. Run with -race.
// Every operation must return (no deadlock), only with nil or a
// sentinel error, and Close must release everything.
func TestAttackConcurrentOperationsAndClose(t *testing.T) {
	needKVM(t)
	for round := range 5 {
		s, err := vmcore.New(vmcore.Config{})
		if err != nil {
			t.Fatal(err)
		}
		sn, err := s.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		stop := time.Now().Add(300 * time.Millisecond)
		ops := []func(i int) error{
			func(int) error { _, err := s.Echo([]byte("hi")); return err },
			func(int) error { return s.Restore(sn, adopt{}) },
			func(int) error {
				x, err := s.Snapshot()
				if err == nil {
					x.Release()
				}
				return err
			},
			func(i int) error {
				r, err := s.MapRegion(0x8000_0000+uint64(i%8)<<24, 4096)
				if err != nil {
					return err
				}
				return s.UnmapRegion(r)
			},
			func(int) error { _, err := s.GuestView(); return err },
			func(int) error {
				_, err := s.Call(vmcore.Request{Function: 7, // spin
					Deadline: time.Now().Add(time.Millisecond)})
				return err
			},
			func(int) error { s.Drive(func() { s.Echo([]byte("d")) }); return nil },
		}
		for g, op := range ops {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; time.Now().Before(stop); i++ {
					_ = op(i + g)
					_ = s.Status()
					_ = s.Layout()
				}
			}()
		}
		time.Sleep(time.Duration(50+round*40) * time.Millisecond)
		done := make(chan error, 1)
		go func() { done <- s.Close() }()
		select {
		case err := <-done:
			if err != nil && !errors.Is(err, vmcore.ErrClosed) {
				t.Logf("close: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Close hung with concurrent operations")
		}
		waited := make(chan struct{})
		go func() { wg.Wait(); close(waited) }()
		select {
		case <-waited:
		case <-time.After(10 * time.Second):
			t.Fatal("operations hung after Close")
		}
		sn.Release()
	}
}
