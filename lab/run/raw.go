package run

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// Names of the files a run writes in its directory.
const (
	RawFile     = "raw.txt"
	PartialFile = "raw.partial.txt"
)

// rawWriter writes raw.txt under a temporary name in the run
// directory, adding scenario lines when the scenario changes and each
// Unit line once, before the first result line that follows it.
type rawWriter struct {
	dir   string
	f     *os.File
	w     *bufio.Writer
	lines int

	scenario string // the scenario of the lines written last
	units    map[string]bool
	pending  []string // Unit lines not written yet
}

func newRawWriter(dir string, header []configLine) (*rawWriter, error) {
	f, err := os.CreateTemp(dir, ".raw-*.txt")
	if err != nil {
		return nil, fmt.Errorf("create raw.txt: %w", err)
	}
	r := &rawWriter{dir: dir, f: f, w: bufio.NewWriter(f),
		units: map[string]bool{}}
	writeLines(r.w, header)
	return r, nil
}

// add writes one process's output, which belongs to the scenario
// with the given name and digest.
func (r *rawWriter) add(name, digest string, out output) error {
	for _, u := range out.units {
		if !r.units[u] {
			r.units[u] = true
			r.pending = append(r.pending, u)
		}
	}
	if len(out.results) == 0 {
		return nil
	}
	if name != r.scenario {
		writeLines(r.w, scenarioLines(name, digest))
		r.scenario = name
	}
	for _, u := range r.pending {
		r.w.WriteString(u + "\n")
	}
	r.pending = nil
	for _, l := range out.results {
		r.w.WriteString(l + "\n")
		r.lines++
	}
	// Flushing each time keeps a killed run's partial file useful.
	if err := r.w.Flush(); err != nil {
		return fmt.Errorf("write raw.txt: %w", err)
	}
	return nil
}

// commit gives the file its final name, raw.txt, and returns its
// path.
func (r *rawWriter) commit() (string, error) {
	return r.finish(RawFile)
}

// abandon keeps what was written as raw.partial.txt and returns its
// path, or removes it and returns "" if it holds no result.
func (r *rawWriter) abandon() string {
	if r.lines == 0 {
		r.f.Close()
		os.Remove(r.f.Name())
		return ""
	}
	path, err := r.finish(PartialFile)
	if err != nil {
		os.Remove(r.f.Name())
		return ""
	}
	return path
}

func (r *rawWriter) finish(name string) (string, error) {
	err := r.w.Flush()
	if err == nil {
		err = r.f.Chmod(0o644)
	}
	if err == nil {
		err = r.f.Sync()
	}
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	path := filepath.Join(r.dir, name)
	if err == nil {
		err = os.Rename(r.f.Name(), path)
	}
	if err != nil {
		os.Remove(r.f.Name())
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	return path, nil
}
