// Package scenario loads and validates scenario files: TOML files
// that say which restores the lab measures, with which strategies
// and memory techniques, and how often.
//
// # A first file
//
// The smallest useful file names itself, says what question it
// answers and lists one case:
//
//	name = "first"
//	description = "does a same-layout restore cost what the floor does?"
//
//	[[case]]
//	name = "same"
//
// A case is one restore to measure: a snapshot taken in a sandbox of
// the source layout, restored into a sandbox of the target layout.
// Every layout field not written takes its value from
// layout.Default(), so this case restores a default snapshot into a
// default sandbox. The file gets the default settings: 10 samples,
// strategies strict, subset, adopt and adopt-remap-first, memory
// technique guest-cow, and the default workload.
//
// # Settings
//
//	samples = 10                       # 1 to 1000
//	strategies = ["strict", "subset", "subset:scratch_size", "adopt"]
//	mems = ["guest-cow"]               # from KnownMems
//
//	[workload]
//	dirty_pages = 8    # heap pages the guest writes between restores
//	echo_bytes = 64    # size of the timed first call (an echo)
//	calls = 1          # further calls between restores
//
// Strategies are strict, subset, adopt and adopt-remap-first; subset
// may name the fields it compares, as "subset:FIELD,FIELD" (see
// strategy.Parse). Names may not repeat in either list. dirty_pages is
// 0 to 4096, but each in-guest copy-on-write page is slow on emulated
// KVM, so keep it modest; calls is 0 to 1000; echo_bytes must fit
// every layout's input and output buffers minus a 128-byte header.
//
// # Layouts
//
// Layout tables take the seven layout field names: input_size,
// output_size, heap_size, code_size, init_data_size, init_data_perms
// and scratch_size. Sizes are strings such as "128KiB" or "16MiB"
// (units B, KiB, MiB, GiB; see layout.ParseSize) or bare integers
// counting bytes; init_data_perms is "r", "rw", "rx" or "rwx".
//
// [source] sets the base of every layout in the file; [target] adds
// to it for every target. A case may override either side:
//
//	[source]
//	heap_size = "128KiB"
//
//	[[case]]
//	name = "heap-grow"
//	source = { heap_size = "256KiB" }
//
// Here the snapshot has a 256 KiB heap and the sandbox it is restored
// into keeps the base 128 KiB, so restore must grow the heap. In
// full, a case's source is layout.Default(), then [source], then the
// case's source; its target is layout.Default(), then [source], then
// [target], then the case's target. A case that overrides nothing is
// a same-layout restore unless [target] says otherwise.
//
// # Sweeps
//
// A sweep writes one case per value of one field:
//
//	[[sweep]]
//	name = "heap"
//	field = "heap_size"
//	side = "both"                      # "source", "target" or "both"
//	values = ["128KiB", "1MiB", "16MiB"]
//	source = { scratch_size = "2MiB" } # optional, as in [[case]]
//	target = { scratch_size = "2MiB" }
//
// The cases are named heap-128KiB, heap-1MiB and heap-16MiB. side
// says which layouts take the value (both by default); the sweep's
// source and target overrides apply as a case's would, and may not
// set the swept field on a side the sweep sets. Cases and sweeps keep
// their order in the file.
//
// # Pools
//
// A [pool] runs many snapshots through few sandboxes: sandboxes
// (1 to 64) sandboxes serve restores (1 to 1000000) restores per
// sample, each restoring a tenant's snapshot picked by a generator
// seeded with seed. Each [[pool.tenant]] is a layout table over
// layout.Default() and [source], 1 to 64 of them:
//
//	[pool]
//	sandboxes = 4
//	restores = 400
//	seed = 7
//	[[pool.tenant]]
//	heap_size = "128KiB"
//	[[pool.tenant]]
//	heap_size = "1MiB"
//	input_size = "64KiB"
//
// A file needs at least one case, sweep or pool.
//
// # Names and errors
//
// Scenario, case and sweep names become benchmark key values
// (scenario=NAME, case=NAME), so they must pass ValidKeyValue; case
// names must be unique once sweeps are expanded.
//
// Every source, target and tenant must pass layout.Validate. Load and
// Parse report every problem they find, each as an *Error whose text
// names the file, the line of the offending key, the case and the
// allowed values:
//
//	scenarios/x.toml:12: case "heap-grow": source.heap_size = 5000B: allowed a multiple of 4KiB in 4KiB to 15GiB
package scenario
