package vmcore

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// thread is a goroutine locked to one OS thread that runs every vCPU
// operation of a sandbox. KVM wants one thread per vCPU: KVM_RUN
// from a new thread makes the kernel re-home the vCPU.
type thread struct {
	work chan func()
	done chan struct{}
	tid  int
}

func startThread() *thread {
	t := &thread{work: make(chan func()), done: make(chan struct{})}
	ready := make(chan int)
	go func() {
		// The thread stays locked until the goroutine returns, at
		// which point the runtime retires it: no other goroutine
		// ever runs on a thread a vCPU was bound to.
		runtime.LockOSThread()
		ready <- unix.Gettid()
		for f := range t.work {
			f()
			t.done <- struct{}{}
		}
	}()
	t.tid = <-ready
	return t
}

// do runs f on the thread and waits for it.
func (t *thread) do(f func()) {
	t.work <- f
	<-t.done
}

// stop ends the thread once pending work is done.
func (t *thread) stop() { close(t.work) }

// kick interrupts a KVM_RUN in progress on the thread. SIGURG is the
// signal the Go runtime itself uses to preempt, so its handler takes
// it in stride.
func (t *thread) kick() {
	unix.Tgkill(unix.Getpid(), t.tid, unix.SIGURG)
}
