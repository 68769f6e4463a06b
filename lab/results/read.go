package results

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/perf/benchfmt"
)

// RawFile is the name of the benchmark output inside a run directory.
const RawFile = "raw.txt"

// A Set is every benchmark result read from one or more files, with
// the unit metadata those files declared.
type Set struct {
	// Paths are the files read, in order; a run directory appears
	// as its raw.txt.
	Paths []string

	// Results are the benchmark lines in file order. Each carries
	// its file configuration (host, kernel, ...) in Config.
	Results []*benchfmt.Result

	// Units holds the Unit metadata lines, such as which direction
	// of restore-ns/op is better.
	Units benchfmt.UnitMetadataMap

	// NameKeys are the sub-name keys in the order they were first
	// seen, without the leading "/". "gomaxprocs" is among them
	// when a name ends in "-N".
	NameKeys []string

	// Warnings are problems that did not stop reading: lines that
	// look like benchmarks but do not parse, and sub-name parts
	// that are not key=value and so cannot be grouped on.
	Warnings []error
}

// RawPath returns the benchmark file that path names: path itself if
// it is a file, or its raw.txt if it is a run directory.
func RawPath(path string) (string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("results: %w", err)
	}
	if info.IsDir() {
		return filepath.Join(path, RawFile), nil
	}
	return path, nil
}

// Read reads the benchmark results in paths, each a file in the Go
// benchmark format or a run directory holding raw.txt. It fails if a
// file cannot be read or if no file holds a benchmark result.
func Read(paths ...string) (*Set, error) {
	if len(paths) == 0 {
		return nil, errors.New("results: no files to read")
	}
	set := &Set{}
	for _, p := range paths {
		raw, err := RawPath(p)
		if err != nil {
			return nil, err
		}
		set.Paths = append(set.Paths, raw)
	}

	files := benchfmt.Files{Paths: set.Paths}
	seenKey := map[string]bool{}
	for files.Scan() {
		switch rec := files.Result().(type) {
		case *benchfmt.Result:
			res := rec.Clone()
			set.Results = append(set.Results, res)
			set.noteKeys(res, seenKey)
		case *benchfmt.SyntaxError:
			set.Warnings = append(set.Warnings, rec)
		}
	}
	if err := files.Err(); err != nil {
		return nil, fmt.Errorf("results: %w", err)
	}
	set.Units = files.Units()
	if len(set.Results) == 0 {
		return nil, fmt.Errorf("results: no benchmark results in %s",
			strings.Join(set.Paths, ", "))
	}
	set.moveGomaxprocsLast()
	return set, nil
}

// noteKeys records the sub-name keys of res that were not seen yet.
func (s *Set) noteKeys(res *benchfmt.Result, seen map[string]bool) {
	_, parts := res.Name.Parts()
	for _, part := range parts {
		var key string
		switch {
		case bytes.HasPrefix(part, []byte("/")):
			k, _, ok := strings.Cut(string(part[1:]), "=")
			if !ok {
				file, line := res.Pos()
				s.Warnings = append(s.Warnings, fmt.Errorf(
					"%s:%d: sub-name %q is not key=value; "+
						"results that differ only in it are "+
						"merged", file, line, part[1:]))
				continue
			}
			key = k
		case bytes.HasPrefix(part, []byte("-")):
			key = "gomaxprocs"
		}
		if key != "" && !seen[key] {
			seen[key] = true
			s.NameKeys = append(s.NameKeys, key)
		}
	}
}

// moveGomaxprocsLast keeps the CPU count after the keys that name the
// work, which reads better in tables.
func (s *Set) moveGomaxprocsLast() {
	for i, k := range s.NameKeys {
		if k == "gomaxprocs" {
			s.NameKeys = append(s.NameKeys[:i], s.NameKeys[i+1:]...)
			s.NameKeys = append(s.NameKeys, k)
			return
		}
	}
}
