package results_test

import (
	"fmt"
	"os"

	"snaplab/lab/results"
)

func ExampleParseSize() {
	n, err := results.ParseSize("256KiB")
	fmt.Println(n, err)
	fmt.Println(results.FormatSize(n))
	// Output:
	// 262144 <nil>
	// 256 KiB
}

// Reading a run directory and printing the restore latency of each
// strategy on one case.
func ExampleSet_Summaries() {
	set, err := results.Read("testdata/run-vm")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	sums := results.Select(set.Summaries(), "restore-ns/op",
		"benchmark", "Restore", "case", "heap-grow")
	for _, s := range sums {
		fmt.Printf("%-20s %s %s n=%d\n", s.Get("strategy"),
			results.FormatValue(s.Median, s.Unit), s.Range(), s.N)
	}
	// Output:
	// strict               945 µs ±6% n=10
	// subset               274 µs ±39% n=10
	// subset:scratch_size  277 µs ±5% n=10
	// adopt                277 µs ±4% n=10
	// adopt-remap-first    282 µs ±6% n=10
}
