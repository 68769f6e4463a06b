package scenario

import "snaplab/vmcore/layout"

// Scenario is one loaded and validated scenario file: what to
// measure, with which strategies and memory techniques, how often.
type Scenario struct {
	Name        string // a benchmark key value: scenario=Name
	Description string // the question the scenario answers
	File        string // the path as given to Load
	Digest      string // "sha256:" and 16 hex digits of the file's hash

	Samples    int      // how many times each configuration runs
	Strategies []string // restore strategies, as strategy.Parse reads
	Mems       []string // memory-reset techniques, from KnownMems
	Workload   Workload // what the guest does between restores
	Cases      []Case   // after sweep expansion, in file order
	Pool       *Pool    // nil unless the file has a [pool] table
}

// Workload is what the guest does around each restore.
type Workload struct {
	// DirtyPages is how many heap pages the guest writes between
	// restores; each is an in-guest copy-on-write fault.
	DirtyPages int

	// EchoBytes is the size of the timed first call after restore,
	// an echo; it must fit the input and output buffers minus a
	// header of EchoHeader bytes.
	EchoBytes int

	// Calls is how many calls the guest takes between restores,
	// besides the dirtying.
	Calls int
}

// Case is one restore to measure: a snapshot taken in a sandbox of
// the Source layout, restored into a sandbox of the Target layout.
// Both have WithOutputs applied and pass layout.Validate.
type Case struct {
	Name   string // a benchmark key value: case=Name
	Sweep  string // the [[sweep]] the case came from; "" for [[case]]
	Source layout.Layout
	Target layout.Layout
}

// Pool describes a pool run: Sandboxes sandboxes serve Restores
// restores per sample, each of a snapshot picked from Tenants with a
// generator seeded by Seed.
type Pool struct {
	Sandboxes int
	Restores  int
	Seed      int64
	Tenants   []layout.Layout // snapshot layouts, WithOutputs applied
}

// Defaults and limits of the scalar settings.
const (
	DefaultSamples = 10
	MaxSamples     = 1000

	DefaultDirtyPages = 8
	MaxDirtyPages     = 4096
	DefaultEchoBytes  = 64
	DefaultCalls      = 1
	MaxCalls          = 1000

	// EchoHeader is the part of the input and output buffers the
	// call protocol reserves; an echo may use the rest.
	EchoHeader = 128

	MaxPoolSandboxes = 64
	MaxPoolRestores  = 1_000_000
	MaxPoolTenants   = 64
)

// DefaultStrategies are the strategies of a file that lists none.
var DefaultStrategies = []string{Strict, Subset, Adopt, AdoptRemapFirst}

// DefaultMems are the memory techniques of a file that lists none.
var DefaultMems = []string{"guest-cow"}
