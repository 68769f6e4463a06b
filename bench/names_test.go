package bench

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"snaplab/lab/scenario"
)

// TestNames checks that every configuration of every shipped scenario
// has a unique name made of key=value parts whose values benchstat
// reads as such.
func TestNames(t *testing.T) {
	tops := []string{Restore, Floor, Pool}
	for _, file := range scenarioFiles(t) {
		s, err := scenario.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, c := range Configs(s) {
			full := c.FullName()
			if seen[full] {
				t.Errorf("%s: %s twice", file, full)
			}
			seen[full] = true
			elems := strings.Split(full, "/")
			if !slices.Contains(tops, elems[0]) {
				t.Errorf("%s: %s: unknown benchmark", file, full)
			}
			for _, e := range elems[1:] {
				key, value, ok := strings.Cut(e, "=")
				if !ok || key == "" || strings.Contains(value, "=") {
					t.Errorf("%s: %s: %q is not key=value", file,
						full, e)
					continue
				}
				if err := scenario.ValidKeyValue(value); err != nil {
					t.Errorf("%s: %s: %s: %v", file, full, key, err)
				}
			}
		}
		if len(seen) == 0 {
			t.Errorf("%s: no configurations", file)
		}
	}
}

func TestNameValue(t *testing.T) {
	for in, want := range map[string]string{
		"strict":                      "strict",
		"subset:scratch_size":         "subset:scratch_size",
		"subset:heap_size,input_size": "subset:heap_size+input_size",
	} {
		if got := NameValue(in); got != want {
			t.Errorf("NameValue(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPatternSelectsOne checks that each configuration's -test.bench
// pattern, split the way go test splits it, matches its own name
// and no other's.
func TestPatternSelectsOne(t *testing.T) {
	s, err := scenario.Load("../scenarios/cross-layout.toml")
	if err != nil {
		t.Fatal(err)
	}
	configs := Configs(s)
	for _, c := range configs {
		for _, o := range configs {
			if got := matches(t, c.Pattern(), o.FullName()); got !=
				(c.FullName() == o.FullName()) {
				t.Errorf("pattern %s matches %s: %v", c.Pattern(),
					o.FullName(), got)
			}
		}
	}
}

// TestUnitsCoverMetrics checks that every metric the benchmarks
// report has a Unit line, and that the lines are well formed.
func TestUnitsCoverMetrics(t *testing.T) {
	for _, u := range Units {
		f := strings.Fields(u.Line())
		if len(f) != 4 || f[0] != "Unit" || f[1] != u.Name {
			t.Errorf("malformed unit line %q", u.Line())
		}
	}
	for _, m := range append(restoreMetrics, poolMetrics...) {
		if !slices.ContainsFunc(Units, func(u Unit) bool {
			return u.Name == m
		}) {
			t.Errorf("metric %s has no Unit line", m)
		}
	}
}

// matches reports whether go test's -test.bench pattern selects the
// benchmark name: each "/"-separated element of the pattern must
// match the name's element at the same depth.
func matches(t *testing.T, pattern, name string) bool {
	pats, elems := strings.Split(pattern, "/"), strings.Split(name, "/")
	if len(pats) > len(elems) {
		return false
	}
	for i, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			t.Fatalf("pattern %s: %v", pattern, err)
		}
		if !re.MatchString(elems[i]) {
			return false
		}
	}
	return true
}
