// Package run runs the snaplab benchmarks of one or more scenario
// files and writes their results, in the Go benchmark format, to
// raw.txt in a new run directory.
//
// Run compiles the bench package's test binary once, then runs it
// once per sample and configuration: for sample 1, every
// configuration of every scenario, then sample 2, and so on. Each
// configuration (one sub-benchmark, see bench.Configs) runs in a
// process of its own, selected with an anchored -test.bench
// pattern, so samples of one configuration are spread over the
// whole run rather than taken back to back, and no sample inherits
// another's heap, threads or page cache state. A process costs about
// 3 ms to start here, against tens to hundreds of milliseconds for a
// configuration's own setup and iterations.
//
// raw.txt starts with the configuration lines that hold for the
// whole file (goos, goarch, pkg, cpu, kernel, kvm-backend, commit,
// host); before each scenario's lines come its scenario and
// scenario-digest lines, and before the first benchmark line the
// Unit lines the benchmarks print. The file is written under a
// temporary name and renamed when the run succeeds; a run that fails
// before any result removes its directory, one that fails later
// leaves its results as raw.partial.txt.
package run
