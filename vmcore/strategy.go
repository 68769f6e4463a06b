package vmcore

import "snaplab/vmcore/layout"

// Strategy decides whether a snapshot may land in a sandbox and in
// what order restore treats dynamic regions. Package strategy has the
// lab's strategies; vmcore only calls them.
type Strategy interface {
	// Name is how reports and benchmarks call the strategy.
	Name() string
	// Admit returns nil to let a snapshot with layout incoming into a
	// sandbox running with layout current, or an error wrapping
	// ErrLayoutMismatch.
	Admit(current, incoming layout.Layout) error
	// UnmapDynamicFirst is true when dynamic regions go before the
	// base regions are swapped (safe) and false for the older order,
	// which swaps first and unmaps after.
	UnmapDynamicFirst() bool
}
