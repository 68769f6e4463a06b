// Package report writes REPORT.md for one or more run directories.
//
// A run directory (results/<stamp>-<scenario>/) holds the suite's
// raw.txt and, when benchrun evidence ran, evidence.md. Write reads
// the raw.txt of every directory given, merges them, and writes into
// one output directory summary.csv, the charts under plots/ and
// REPORT.md, which holds: the environment of each host, a note on
// how far absolute times travel, tables of median and 95% confidence
// interval per strategy and case for restore-ns/op and
// first-call-ns/op with the ratio to the floor benchmark, a compact
// table of restore-thread-ns/op against the floor's, strict's
// fallback rate, the size sweeps, any other benchmark, the evidence
// verdicts, and what each clock covers. Each chart is linked below
// the table it draws, one per memory technique where package plots
// splits them. With several hosts every table gets one group of
// columns per host, but for the sweeps and restore-thread-ns/op,
// which get a table per host.
//
// Render produces the markdown alone from data already gathered, so
// that it can be tested without drawing.
package report
