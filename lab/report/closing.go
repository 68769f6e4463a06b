package report

import (
	"path/filepath"
	"strings"
)

// evidence includes each run's evidence.md verbatim, or says that
// benchrun evidence was not run for it.
func (r *writer) evidence() {
	r.printf("## Which layout fields must match\n\n")
	several := len(r.in.Evidence) > 1
	for _, e := range r.in.Evidence {
		name := filepath.Base(filepath.Clean(e.Dir))
		if several {
			r.printf("### %s\n\n", code(name))
		}
		if !e.Found {
			r.printf("%s was not run for this directory: it "+
				"has no %s, so there is no verdict table.\n\n",
				code("benchrun evidence"), code(EvidenceFile))
			continue
		}
		r.printf("%s", e.Text)
		if !strings.HasSuffix(e.Text, "\n") {
			r.printf("\n")
		}
		r.printf("\n")
	}
}

// clocks explains what each measured time includes, so that no one
// reads a cheap restore without its first call, or a restore timed
// inside vmcore as what the caller pays. bench's package comment is
// the authority; this follows it.
func (r *writer) clocks() {
	r.printf("## What each clock covers\n\n")
	for _, c := range []struct{ unit, text string }{
		{"restore-ns/op", "the restore's wall time as the caller " +
			"pays it, fallback included: when a strategy refuses " +
			"the snapshot, the caller builds a fresh sandbox from " +
			"it and closes the old one. The timed work is driven " +
			"on the sandbox's own vCPU thread " +
			"(`vmcore.Sandbox.Drive`), as a VMM's vCPU loop would."},
		{"restore-thread-ns/op", "the restore as vmcore times " +
			"itself on the vCPU thread, from the admission check to " +
			"status Ready. Its steps are " + joinCodes("admit-ns/op",
			"remap-ns/op", "region-ns/op", "reset-ns/op", "pt-ns/op",
			"vcpu-ns/op") + ". They are left out when every " +
			"iteration took the fallback, and count as zero in " +
			"the iterations that did, where `admit-ns/op` counts " +
			"the refused restore."},
		{"first-call-ns/op", "the echo call made right after the " +
			"restore, with the faults and TLB refills the restore " +
			"left to it; `faults/op` is the copy-on-write faults " +
			"the guest counted by the end of it."},
		{"ns/op", "the whole timed iteration: the restore and the " +
			"first call. Before each iteration, outside the timer, " +
			"the sandbox goes back to its own snapshot and the " +
			"guest dirties its heap and makes its further calls."},
		{"fallback/op", "the share of iterations that took the " +
			"fallback. Its time is inside `restore-ns/op`. " +
			"`failed/op`, present only when it happened, says a " +
			"restore failed for another reason than a refused " +
			"layout, which ends that benchmark's measurements."},
		{"floor", "BenchmarkFloor: the bare kernel and memory " +
			"sequence of the same restore " +
			"(`vmcore.Sandbox.FloorRestore`), in the same run, for " +
			"the cases that keep their layout. Its `restore-ns/op` " +
			"and `restore-thread-ns/op` mean what BenchmarkRestore's " +
			"do, so either can be quoted as a ratio to it."},
	} {
		r.printf("- %s: %s\n", code(c.unit), c.text)
	}
}
