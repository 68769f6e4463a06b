package vmcore

import (
	"errors"
	"fmt"
)

// Sentinel errors callers branch on; returned errors wrap them.
var (
	// ErrLayoutMismatch: a strategy refused a snapshot's layout.
	ErrLayoutMismatch = errors.New("layout mismatch")
	// ErrHostFunctionMismatch: the snapshot recorded a host function
	// the sandbox lacks, or has with another signature.
	ErrHostFunctionMismatch = errors.New("host function mismatch")
	// ErrInvalidSnapshot: the snapshot is malformed.
	ErrInvalidSnapshot = errors.New("invalid snapshot")
	// ErrPoisoned: the sandbox needs a restore before the next call.
	ErrPoisoned = errors.New("sandbox poisoned")
	// ErrUnrecoverable: the sandbox lost its memory; only Close works.
	ErrUnrecoverable = errors.New("sandbox unrecoverable")
	// ErrClosed: the sandbox was closed.
	ErrClosed = errors.New("sandbox closed")
	// ErrDeadline: a call ran past its deadline and was stopped.
	ErrDeadline = errors.New("call deadline exceeded")
	// ErrGuestFault: the guest took an exception it could not handle.
	ErrGuestFault = errors.New("guest fault")
	// ErrGuestStatus: the guest finished a call with an error status.
	ErrGuestStatus = errors.New("guest error status")
	// ErrReentrant: a sandbox method was called from inside one of
	// the same sandbox's operations, such as from a host function.
	ErrReentrant = errors.New("sandbox method called from inside " +
		"one of its own operations")
)

// GuestFault describes an exception the guest reported, or an exit
// that left it unable to continue.
type GuestFault struct {
	Vector uint64 // exception vector; 256+ for non-exception exits
	Code   uint64 // error code pushed by the CPU
	CR2    uint64 // faulting address for a page fault
	RIP    uint64
	Exit   string // the KVM exit, when there was no guest report
}

func (f *GuestFault) Error() string {
	if f.Exit != "" {
		return fmt.Sprintf("guest fault: exit %s", f.Exit)
	}
	return fmt.Sprintf("guest fault: vector %d error %#x cr2 %#x rip %#x",
		f.Vector, f.Code, f.CR2, f.RIP)
}

// Unwrap lets errors.Is match ErrGuestFault.
func (f *GuestFault) Unwrap() error { return ErrGuestFault }

// StatusError is a guest call that finished with a non-OK status.
type StatusError struct {
	Function string
	Status   uint64
	Result   uint64
}

var statusNames = map[uint64]string{
	2: "bad function", 3: "bad argument", 4: "too big",
	5: "no memory", 7: "host function error",
}

func (e *StatusError) Error() string {
	name := statusNames[e.Status]
	if name == "" {
		name = fmt.Sprintf("status %d", e.Status)
	}
	return fmt.Sprintf("%s: guest says %s (result %d)",
		e.Function, name, e.Result)
}

// Unwrap lets errors.Is match ErrGuestStatus.
func (e *StatusError) Unwrap() error { return ErrGuestStatus }
