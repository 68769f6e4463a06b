package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"snaplab/vmcore/strategy"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, that it returns either a
// scenario or an error, and that every scenario it accepts keeps the
// promises the package makes about names and layouts.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../../scenarios/*.toml")
	more, _ := filepath.Glob("testdata/*.toml")
	for _, path := range append(seeds, more...) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(head + "[[case]]\nname = \"a\"\n" +
		"target = { heap_size = 4096 }\n"))
	f.Add([]byte(head + "[[sweep]]\nname=\"s\"\nfield=\"heap_size\"\n" +
		"values=[1, \"2KiB\", [3]]\n"))
	f.Add([]byte(head + "case = [{name = \"a\"}, {name = 1}]\n" +
		"[pool]\ntenant = [{}, 7]\n"))
	f.Add([]byte("[[case]]\n[case.source]\n[[case]]\n"))
	f.Add([]byte("a.b.c = 1\n[a]\n"))

	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("f.toml", data)
		if (s == nil) == (err == nil) {
			t.Fatalf("scenario %v with error %v", s, err)
		}
		if err != nil {
			checkErrors(t, err)
			return
		}
		if ValidKeyValue(s.Name) != nil || s.Description == "" {
			t.Fatalf("accepted name %q description %q",
				s.Name, s.Description)
		}
		if len(s.Cases) == 0 && s.Pool == nil {
			t.Fatal("accepted a scenario with nothing to run")
		}
		seen := map[string]bool{}
		for _, c := range s.Cases {
			if ValidKeyValue(c.Name) != nil || seen[c.Name] {
				t.Fatalf("accepted case name %q", c.Name)
			}
			seen[c.Name] = true
			if c.Source.Validate() != nil || c.Target.Validate() != nil ||
				c.Source != c.Source.WithOutputs() ||
				c.Target != c.Target.WithOutputs() {
				t.Fatalf("case %q: layouts %+v, %+v",
					c.Name, c.Source, c.Target)
			}
		}
		for _, st := range s.Strategies {
			if _, _, err := strategy.Parse(st); err != nil {
				t.Fatal(err)
			}
		}
		if s.Pool != nil {
			for _, l := range s.Pool.Tenants {
				if l.Validate() != nil {
					t.Fatalf("tenant %+v", l)
				}
			}
		}
	})
}

// checkErrors checks that every problem in a joined error is an
// *Error that names the file.
func checkErrors(t *testing.T, err error) {
	t.Helper()
	list := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	for _, e := range list {
		var se *Error
		if !errors.As(e, &se) || se.File != "f.toml" ||
			!strings.HasPrefix(e.Error(), "f.toml") {
			t.Fatalf("problem %q is not an *Error naming the file", e)
		}
	}
}
