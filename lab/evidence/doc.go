// Package evidence gathers, on real KVM, the lab's answer to which
// layout fields a snapshot must share with the sandbox it is restored
// into.
//
// For each of the seven configured fields it takes a snapshot from a
// sandbox with that field grown and one with it shrunk, restores each
// into a default sandbox under every strategy and checks, under
// adopt: the guest's own layout report equals the snapshot's; calls
// obey the new limits; and the restored sandbox is indistinguishable
// from a fresh sandbox built from the same snapshot (same bytes in
// every guest-visible page, same registers, same results for a fixed
// script of calls). It also runs the dynamic-region hazards, a
// host-function mismatch and alternating restores, and times each
// restore against the same-layout restore and strict's fallback.
//
// The verdicts come from these checks, never from a table typed in:
// Run returns them, tests assert them, and benchrun evidence writes
// them out.
package evidence
