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
// reads a cheap restore without its first call.
func (r *writer) clocks() {
	r.printf("## What each clock covers\n\n")
	for _, c := range []struct{ unit, text string }{
		{"restore-ns/op", "the restore itself, measured inside it: " +
			"from the admission check to status Ready (memory, " +
			"vCPU state, bookkeeping), excluding the guest's next " +
			"call."},
		{"first-call-ns/op", "the next echo call after the " +
			"restore, including the re-faults and TLB refills the " +
			"restore left to the guest."},
		{"ns/op", "the whole timed iteration: restore, first call " +
			"and the harness around them."},
		{"fallback/op", "the fraction of restores that took the " +
			"fallback: strict refused the snapshot, so a fresh " +
			"sandbox was built from it, including the teardown of " +
			"the old one. Its time is inside restore-ns/op."},
		{"floor", "BenchmarkFloor: the raw ioctl and memory " +
			"sequence for the same work with no abstraction, in " +
			"the same run; the lower bound the kernel allows."},
	} {
		r.printf("- %s: %s\n", code(c.unit), c.text)
	}
}
