// Package bench holds snaplab's go test benchmarks of snapshot
// restore on KVM, and the names that identify them.
//
// The benchmarks read one scenario file (see package scenario): the
// path in $SNAPLAB_SCENARIO, or the -scenario flag, or by default
// ../scenarios/smoke.toml, so that
//
//	go test -bench . ./bench/
//
// works with no flags. Unless -test.benchtime is given, each
// benchmark runs 20 iterations: every iteration does milliseconds of
// untimed guest work around a restore of tens of microseconds, and
// the harness's default of one second of timed work would take
// minutes per benchmark.
//
// Every sub-benchmark name is a list of key=value parts, so that
// benchstat can pivot on any key:
//
//	BenchmarkRestore/scenario=S/case=C/strategy=ST/mem=M/heap=H/scratch=X
//	BenchmarkFloor/scenario=S/case=C/mem=guest-cow/heap=H/scratch=X
//	BenchmarkPool/scenario=S/strategy=ST/sandboxes=K/snapshots=M
//
// heap and scratch are the snapshot's (the case's source layout).
// Configs lists these names for a scenario; the runner in lab/run
// uses it to run one configuration per process.
//
// # What the clocks cover
//
// BenchmarkRestore restores a snapshot of the case's source layout
// into a sandbox of its target layout under one strategy, then makes
// the first call, an echo. Before each iteration, outside the timer,
// the sandbox goes back to its own base snapshot and the guest
// dirties the workload's heap pages and makes its further calls. The
// timed region, and so ns/op, is the restore plus the first call.
//
//   - restore-ns/op is the restore's wall time, fallback included:
//     when a strategy refuses the snapshot, the caller builds a fresh
//     sandbox from it and closes the old one, and that is what it
//     pays. The timed work runs on the sandbox's own vCPU thread
//     (vmcore.Sandbox.Drive), as a VMM's vCPU loop would; handing
//     each call to a parked thread instead costs from a few
//     microseconds to a few hundred on a nested host, which
//     vmcore's BenchmarkSameLayoutRestore shows side by side.
//   - restore-thread-ns/op is the same restore timed by vmcore on the
//     vCPU thread, from the admission check to status Ready; admit,
//     remap, region, reset, pt and vcpu-ns/op are its steps. They are
//     left out when every iteration took the fallback, and count as
//     zero in the iterations that did; admit-ns/op then counts the
//     refused restore.
//   - first-call-ns/op is the echo, with the faults and TLB refills
//     the restore left to it; faults/op the copy-on-write faults the
//     guest counted by the end of it.
//   - fallback/op is the share of iterations that took the fallback;
//     failed/op, present only when it happened, says a restore failed
//     for a reason other than a refused layout, which ends the
//     benchmark's measurements (the error is logged).
//
// BenchmarkFloor reports restore-ns/op and restore-thread-ns/op with
// the same meaning, so that either can be quoted as a ratio to it.
//
// When a case's source and target layouts are equal, the source
// sandbox is the target sandbox: the snapshot restored is the one it
// started from, as when a sandbox is restored after each call, and
// no slot is re-created. BenchmarkFloor exists for those cases only.
//
// BenchmarkPool serves one restore per iteration from a pool of
// sandboxes, each of a tenant snapshot picked by a seeded generator.
// Its dispatcher hands each restore to the chosen sandbox's thread,
// as a pool would, so its latencies include that hand-off.
package bench
