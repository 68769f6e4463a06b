// Package compare sets two benchmark runs side by side, the way
// benchstat does, and decides which differences are real.
//
// For every configuration present in both runs and every unit both
// report, a Row holds the old and new median with its 95% confidence
// interval, the relative change of the median and the p-value of a
// Mann-Whitney U test (benchmath.AssumeNothing). A change counts as
// real only when the test rejects "same distribution" at level Alpha
// and the median moved by at least MinEffect: on a noisy nested-KVM
// host a 1% shift can be significant and still not worth a sentence.
//
// Configurations match on the benchmark name and its sub-name keys.
// The host is left out so that two machines can be compared, unless
// one of the runs holds several hosts; then it is part of the match.
package compare
