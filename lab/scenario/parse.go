package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sort"

	"github.com/pelletier/go-toml/v2"
)

// topKeys are the keys a scenario file may have at its top level.
var topKeys = []string{
	"name", "description", "samples", "strategies", "mems",
	"workload", "source", "target", "case", "sweep", "pool",
}

// Load reads and validates the scenario file at path.
func Load(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("scenario: %w", err)
	}
	return Parse(path, data)
}

// Parse validates a scenario file's contents; name is the file name
// errors and Scenario.File carry. Every problem found is reported,
// each an *Error, joined with errors.Join in line order.
func Parse(name string, data []byte) (*Scenario, error) {
	if err := checkNesting(name, data); err != nil {
		return nil, err
	}
	var root map[string]any
	if err := toml.Unmarshal(data, &root); err != nil {
		return nil, syntaxError(name, err)
	}
	p := &problems{file: name, pos: index(data)}
	top := &table{probs: p, m: root}
	top.allow(topKeys...)

	s := &Scenario{File: name, Digest: digest(data)}
	readSettings(top, s)
	workload := top.sub("workload")
	s.Workload = readWorkload(workload)
	base := readOverride(top.sub("source"))
	baseTarget := readOverride(top.sub("target"))
	layouts := readCases(top, s, base, baseTarget)
	if pt := top.sub("pool"); pt != nil {
		var tenants []named
		s.Pool, tenants = readPool(pt, base)
		layouts = append(layouts, tenants...)
	}

	_, hasCase := root["case"]
	_, hasSweep := root["sweep"]
	_, hasPool := root["pool"]
	if !hasCase && !hasSweep && !hasPool {
		p.addf(0, "", "no cases: add a [[case]], a [[sweep]] "+
			"or a [pool]")
	}
	checkEcho(p, s.Workload, workload, layouts)
	checkDirty(p, s.Workload, workload, layouts)

	if err := p.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// readSettings reads the top-level settings and lists.
func readSettings(top *table, s *Scenario) {
	if n, ok := top.required("name"); ok {
		if err := ValidKeyValue(n); err != nil {
			top.errf("name", " = %q: %v", n, err)
		}
		s.Name = n
	}
	s.Description, _ = top.required("description")
	s.Samples = int(top.integer("samples", DefaultSamples,
		1, MaxSamples))
	s.Strategies = readStrategies(top)
	s.Mems = readMems(top)
}

// readCases reads, expands and builds every case into s. It returns
// the layouts of the valid ones, for checks that span cases.
func readCases(top *table, s *Scenario, base, baseTarget override) []named {
	drafts := readDrafts(top)
	checkUnique(top.probs, drafts)
	var layouts []named
	for _, d := range drafts {
		c, ok := buildCase(top.probs, d, base, baseTarget)
		s.Cases = append(s.Cases, c)
		if ok {
			what := fmt.Sprintf("case %q", c.Name)
			layouts = append(layouts, named{what + " source", c.Source},
				named{what + " target", c.Target})
		}
	}
	return layouts
}

// readDrafts reads every [[case]] and [[sweep]] and returns their
// cases in file order: [[case]] and [[sweep]] entries may interleave.
func readDrafts(top *table) []draft {
	type entry struct {
		line   int
		drafts []draft
	}
	var entries []entry
	for i, t := range top.list("case") {
		if d, ok := readCase(t, i); ok {
			entries = append(entries, entry{d.line, []draft{d}})
		}
	}
	for i, t := range top.list("sweep") {
		entries = append(entries, entry{t.here(), readSweep(t, i)})
	}
	sort.SliceStable(entries, func(i, j int) bool {
		return entries[i].line < entries[j].line
	})
	var drafts []draft
	for _, e := range entries {
		drafts = append(drafts, e.drafts...)
	}
	return drafts
}

// digest is "sha256:" and the first 16 hex digits of data's SHA-256:
// enough to tell scenario files apart in a result file's header.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])[:16]
}
