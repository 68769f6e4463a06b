package vmcore

// Status is where a sandbox stands between operations.
type Status int

// The statuses of DESIGN §2. Only Ready sandboxes take calls.
const (
	Ready Status = iota
	// Poisoned: a call or a late restore step failed; a restore
	// can make the sandbox Ready again.
	Poisoned
	// Unrecoverable: base memory could not be swapped; the sandbox
	// can only be closed.
	Unrecoverable
	// Closed: Close has run.
	Closed
)

func (s Status) String() string {
	switch s {
	case Ready:
		return "ready"
	case Poisoned:
		return "poisoned"
	case Unrecoverable:
		return "unrecoverable"
	case Closed:
		return "closed"
	}
	return "status?"
}
