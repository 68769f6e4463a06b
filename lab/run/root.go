package run

import (
	"fmt"
	"os"
	"path/filepath"
)

// FindRoot returns the first directory at or above dir that holds a
// go.mod file: the repository root.
func FindRoot(dir string) (string, error) {
	d, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find repository root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("find repository root: no go.mod "+
				"in %s or above", dir)
		}
		d = up
	}
}
