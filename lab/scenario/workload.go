package scenario

import "snaplab/vmcore/layout"

// readWorkload reads [workload]; nil t gives the defaults.
func readWorkload(t *table) Workload {
	w := Workload{DefaultDirtyPages, DefaultEchoBytes, DefaultCalls}
	if t == nil {
		return w
	}
	t.allow("dirty_pages", "echo_bytes", "calls")
	w.DirtyPages = int(t.integer("dirty_pages", DefaultDirtyPages,
		0, MaxDirtyPages))
	maxEcho := int64(layout.Ranges[layout.InputSize].Max - EchoHeader)
	w.EchoBytes = int(t.integer("echo_bytes", DefaultEchoBytes,
		0, maxEcho))
	w.Calls = int(t.integer("calls", DefaultCalls, 0, MaxCalls))
	return w
}

// named is a layout with the words that identify it in messages.
type named struct {
	what string // e.g. `case "same" target`
	l    layout.Layout
}

// checkEcho reports an echo that does not fit the smallest input or
// output buffer among layouts, at the line of workload.echo_bytes
// (or of [workload], or nowhere, for the default).
func checkEcho(p *problems, w Workload, t *table, layouts []named) {
	if len(layouts) == 0 {
		return
	}
	tight := layouts[0]
	for _, n := range layouts[1:] {
		if buffer(n.l) < buffer(tight.l) {
			tight = n
		}
	}
	limit := int(buffer(tight.l)) - EchoHeader
	if w.EchoBytes <= limit {
		return
	}
	line := 0
	if t != nil {
		line = t.line("echo_bytes")
	}
	p.addf(line, "", "workload.echo_bytes = %d: allowed 0 to %d "+
		"(%s: the smaller of input_size and output_size, %s, "+
		"minus a %d-byte header)", w.EchoBytes, limit, tight.what,
		layout.FormatSize(buffer(tight.l)), EchoHeader)
}

// checkDirty reports a workload that dirties more heap pages than a
// layout's heap holds, or than its scratch has free pages to copy them
// into (the guest-cow technique copies each written page into
// scratch), at the line of workload.dirty_pages.
func checkDirty(p *problems, w Workload, t *table, layouts []named) {
	if len(layouts) == 0 {
		return
	}
	tight, limit := layouts[0], dirtyLimit(layouts[0].l)
	for _, n := range layouts[1:] {
		if d := dirtyLimit(n.l); d < limit {
			tight, limit = n, d
		}
	}
	if uint64(w.DirtyPages) <= limit {
		return
	}
	line := 0
	if t != nil {
		line = t.line("dirty_pages")
	}
	p.addf(line, "", "workload.dirty_pages = %d: allowed 0 to %d (%s: "+
		"%d heap pages, room for %d copies in scratch)", w.DirtyPages,
		limit, tight.what, tight.l.HeapSize/layout.PageSize,
		tight.l.CopyRoom())
}

func dirtyLimit(l layout.Layout) uint64 {
	return min(l.HeapSize/layout.PageSize, l.CopyRoom())
}

// buffer is the smaller of a layout's input and output buffers.
func buffer(l layout.Layout) uint64 {
	return min(l.InputSize, l.OutputSize)
}
