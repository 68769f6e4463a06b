package vmcore_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/guest"
)

// TestAttackDeadlineTimerAfterClose: a call's deadline timer is
// stopped when the call returns, but time.Timer.Stop does not wait for
// a timer function that has already started. If the deadline passes
// just as the guest finishes, the call returns success and its timer
// function still runs later: it writes kvm_run.immediate_exit, which
// Close has unmapped by then (SIGSEGV), and signals a thread id that
// may belong to someone else by then.
func TestAttackDeadlineTimerAfterClose(t *testing.T) {
	const name = "TestAttackDeadlineTimerAfterClose"
	if inChild(name) {
		runtime.GOMAXPROCS(4)
		ok, dl := 0, 0
		end := time.Now().Add(10 * time.Second)
		for i := 0; time.Now().Before(end); i++ {
			s, err := vmcore.New(vmcore.Config{})
			if err != nil {
				t.Fatal(err)
			}
			d := time.Duration(i%60) * time.Microsecond
			_, err = s.Call(vmcore.Request{Function: guest.FnEcho,
				Payload: []byte("x"), Deadline: time.Now().Add(d)})
			if err == nil {
				ok++
			} else {
				dl++
			}
			s.Close()
		}
		t.Logf("child survived: %d calls ok, %d stopped by deadline", ok, dl)
		return
	}
	needKVM(t)
	out, clean := runChild(t, name, 30*time.Second)
	if !clean {
		i := strings.Index(out, "unexpected fault")
		if i < 0 {
			i = strings.Index(out, "SIG")
		}
		if i < 0 {
			i = 0
		}
		t.Fatalf("child died:\n%s", firstLines(out[i:], 25))
	}
	t.Log(firstLines(out, 5))
}
