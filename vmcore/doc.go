// Package vmcore is snaplab's KVM core: a sandbox that runs the
// snaplab guest in a one-vCPU micro-VM, takes snapshots of it and
// restores them.
//
// A sandbox has two base memory regions (see package layout): a
// read-only snapshot region mapped straight from a snapshot's blob,
// and a writable scratch region. Writes to snapshot pages are copied
// into scratch by the guest itself. A snapshot compacts the guest's
// current view of the snapshot region into a new blob, with fresh
// page tables (the PT tail) behind it.
//
// Restore follows fixed steps, each timed (see RestoreTiming):
//
//  1. refuse an unrecoverable sandbox, run the strategy's admission
//     check, the snapshot's validity check and the host-function
//     check; a failure here changes nothing;
//  2. with a strategy that asks for it, unmap every dynamic region;
//  3. swap memory: re-create the read-only slot if the blob differs,
//     reset or re-allocate scratch, take the snapshot's layout, write
//     the bookkeeping words and copy the PT tail into scratch;
//  4. reset the vCPU: general, debug, FPU/XSAVE registers, XCR0,
//     special registers (CR3 at the PT copy) and MSRs;
//  5. mark the sandbox Ready.
//
// A failure in step 3 makes the sandbox Unrecoverable; a failure in
// step 4, or in unmapping dynamic regions, leaves it Poisoned, and a
// retried restore can make it Ready again.
//
// Each sandbox drives its vCPU from one goroutine locked to one OS
// thread; the exported methods hand their work to it.
package vmcore
