// Package golden compares test output with files under testdata/,
// for the lab's packages. `go test -update` rewrites the files; the
// diff is then for review.
package golden

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Updating reports whether the test run was asked to rewrite them.
func Updating() bool { return *update }

// Check compares got with the file at path, or writes it there under
// -update. Short output is shown in the failure.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	if len(got) <= 4096 {
		t.Errorf("output differs from %s; run go test -update and "+
			"review the diff\ngot:\n%s\nwant:\n%s", path, got, want)
		return
	}
	t.Errorf("output differs from %s; run go test -update and review "+
		"the diff", path)
}
