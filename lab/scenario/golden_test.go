package scenario

import (
	"path/filepath"
	"strings"
	"testing"

	"snaplab/lab/internal/golden"
)

// TestGolden parses each testdata/*.toml and compares the error (or
// "ok") with the .golden file beside it. Run with -update to rewrite
// the golden files after a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.toml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := "ok\n"
			if _, err := Load(path); err != nil {
				got = err.Error() + "\n"
			}
			golden.Check(t, strings.TrimSuffix(path, ".toml")+".golden",
				[]byte(got))
		})
	}
}
