package vmcore

import (
	"runtime"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// thread is a goroutine locked to one OS thread that runs every vCPU
// operation of a sandbox. KVM wants one thread per vCPU: KVM_RUN
// from a new thread makes the kernel re-home the vCPU.
//
// Handing work to a parked thread costs a futex wake-up, about 30 µs
// on a nested hypervisor, which would dwarf a restore. So both sides
// poll for a short while before they park: the thread for new work
// after finishing some, the caller for the result.
type thread struct {
	work chan func()
	done chan struct{}
	tid  int

	// driving is set while a Drive function runs on the thread: the
	// sandbox's methods called from it run inline.
	driving atomic.Bool
}

// spinFor is how long either side polls before it parks.
const spinFor = 200 * time.Microsecond

func startThread() *thread {
	t := &thread{work: make(chan func(), 1), done: make(chan struct{}, 1)}
	ready := make(chan int)
	go func() {
		// The thread stays locked until the goroutine returns, at
		// which point the runtime retires it: no other goroutine
		// ever runs on a thread a vCPU was bound to.
		runtime.LockOSThread()
		ready <- unix.Gettid()
		for {
			f, ok := poll(t.work)
			if !ok {
				return
			}
			f()
			t.done <- struct{}{}
		}
	}()
	t.tid = <-ready
	return t
}

// poll receives from c, polling for spinFor before it blocks. ok is
// false once c is closed. It never yields while polling: a locked
// goroutine that yields pays the very wake-up polling avoids.
func poll[T any](c chan T) (v T, ok bool) {
	deadline := time.Now().Add(spinFor)
	for i := 0; ; i++ {
		select {
		case v, ok = <-c:
			return v, ok
		default:
		}
		if i%64 == 63 && time.Now().After(deadline) {
			v, ok = <-c
			return v, ok
		}
	}
}

// do runs f on the thread and waits for it. Called from the thread
// itself (inside Drive), it runs f at once.
func (t *thread) do(f func()) {
	if t.driving.Load() && unix.Gettid() == t.tid {
		f()
		return
	}
	t.work <- f
	poll(t.done)
}

// drive runs f on the thread with inline calls enabled.
func (t *thread) drive(f func()) {
	t.do(func() {
		t.driving.Store(true)
		defer t.driving.Store(false)
		f()
	})
}

// stop ends the thread once pending work is done.
func (t *thread) stop() { close(t.work) }

// kick interrupts a KVM_RUN in progress on the thread. SIGURG is the
// signal the Go runtime itself uses to preempt, so its handler takes
// it in stride.
func (t *thread) kick() {
	unix.Tgkill(unix.Getpid(), t.tid, unix.SIGURG)
}
