// Package results reads the benchmark files the snaplab suite writes
// and reduces them to one summary per configuration and unit.
//
// A run directory holds raw.txt in the Go benchmark format: file
// configuration lines (host, kernel, kvm-backend, commit, ...), Unit
// metadata lines and benchmark lines whose sub-names are key=value
// pairs:
//
//	BenchmarkRestore/case=heap-grow/strategy=adopt/heap=256KiB-2 ...
//
// Read loads one or more such files, or run directories, into a Set.
// Set.Summaries groups the results by host, benchmark and every
// sub-name key, and summarises each group and unit with the median and
// its 95% confidence interval, making no assumption about the
// distribution (benchmath.AssumeNothing). WriteCSV writes those rows
// as summary.csv.
//
// Values keep the unit the file wrote: restore-ns/op stays in
// nanoseconds, although benchfmt itself would tidy it to seconds.
package results
