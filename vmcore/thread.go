package vmcore

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// thread is a goroutine locked to one OS thread that runs every vCPU
// operation of a sandbox, one at a time. KVM wants one thread per
// vCPU: KVM_RUN from a new thread makes the kernel re-home the vCPU.
//
// Handing work to a parked thread costs a futex wake-up, tens to
// hundreds of microseconds on a nested hypervisor, which would dwarf a
// restore. So both sides poll for a short while before they park: the
// thread for new work after finishing some, the caller for its result.
type thread struct {
	mu      sync.Mutex
	queue   []*request
	stopped bool
	wake    chan struct{} // cap 1: work was queued, or stop was asked
	tid     int

	// driving is set while a Drive function runs on the thread: the
	// sandbox's methods called from it run inline.
	driving atomic.Bool
}

// request is one piece of work and the channel its caller waits on.
type request struct {
	f    func()
	done chan struct{}
}

// spinFor is how long either side polls before it parks.
const spinFor = 200 * time.Microsecond

func startThread() *thread {
	t := &thread{wake: make(chan struct{}, 1)}
	ready := make(chan int)
	go func() {
		// The thread stays locked until the goroutine returns, at
		// which point the runtime retires it: no other goroutine
		// ever runs on a thread a vCPU was bound to.
		runtime.LockOSThread()
		ready <- unix.Gettid()
		t.serve()
	}()
	t.tid = <-ready
	return t
}

// serve runs queued work until stop, finishing what was queued first.
func (t *thread) serve() {
	for {
		poll(t.wake)
		for {
			t.mu.Lock()
			if len(t.queue) == 0 {
				stopped := t.stopped
				t.mu.Unlock()
				if stopped {
					return
				}
				break
			}
			r := t.queue[0]
			t.queue = t.queue[1:]
			t.mu.Unlock()
			r.f()
			close(r.done)
		}
	}
}

// poll receives from c, polling for spinFor before it blocks. It
// never yields while polling: a locked goroutine that yields pays the
// very wake-up polling avoids.
func poll[T any](c chan T) {
	deadline := time.Now().Add(spinFor)
	for i := 0; ; i++ {
		select {
		case <-c:
			return
		default:
		}
		if i%64 == 63 && time.Now().After(deadline) {
			<-c
			return
		}
	}
}

// do runs f on the thread and waits for it; it reports false, having
// run nothing, once the thread is stopped. Called from the thread
// itself while it drives, it runs f at once.
func (t *thread) do(f func()) bool {
	if t.driving.Load() && unix.Gettid() == t.tid {
		f()
		return true
	}
	r := &request{f: f, done: make(chan struct{})}
	t.mu.Lock()
	if t.stopped {
		t.mu.Unlock()
		return false
	}
	t.queue = append(t.queue, r)
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default:
	}
	poll(r.done)
	return true
}

// drive runs f on the thread with inline calls enabled.
func (t *thread) drive(f func()) bool {
	return t.do(func() {
		was := t.driving.Swap(true)
		defer t.driving.Store(was)
		f()
	})
}

// onThread reports whether the caller runs on this thread.
func (t *thread) onThread() bool { return unix.Gettid() == t.tid }

// stop refuses new work; the thread ends once queued work is done.
func (t *thread) stop() {
	t.mu.Lock()
	t.stopped = true
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// kick interrupts a KVM_RUN in progress on the thread. SIGURG is the
// signal the Go runtime itself uses to preempt, so its handler takes
// it in stride.
func (t *thread) kick() {
	unix.Tgkill(unix.Getpid(), t.tid, unix.SIGURG)
}
