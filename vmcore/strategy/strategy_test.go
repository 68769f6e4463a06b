package strategy

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

func TestAdmission(t *testing.T) {
	base := layout.Default()
	heap := base.Set(layout.HeapSize, 256<<10).WithOutputs()
	scratch := base.Set(layout.ScratchSize, 512<<10).WithOutputs()
	cases := []struct {
		name     string
		incoming layout.Layout
		admit    bool
	}{
		{"strict", base, true},
		{"strict", heap, false},
		{"strict", scratch, false},
		{"subset", heap, true},
		{"subset:scratch_size", heap, true},
		{"subset:scratch_size", scratch, false},
		{"subset:heap_size,input_size", heap, false},
		{"adopt", heap, true},
		{"adopt-remap-first", scratch, true},
	}
	for _, c := range cases {
		st, err := New(c.name)
		if err != nil {
			t.Fatal(err)
		}
		err = st.Admit(base, c.incoming)
		if (err == nil) != c.admit {
			t.Errorf("%s: admit=%v, got %v", c.name, c.admit, err)
		}
		if err != nil && !errors.Is(err, vmcore.ErrLayoutMismatch) {
			t.Errorf("%s: %v does not wrap ErrLayoutMismatch", c.name, err)
		}
	}
}

func TestMismatchNamesFieldsAndValues(t *testing.T) {
	in := layout.Default()
	in.HeapSize, in.InitDataPerms = 256<<10, layout.PermRead|layout.PermWrite
	err := MustNew(Strict).Admit(layout.Default(), in.WithOutputs())
	for _, want := range []string{"heap_size: sandbox 128KiB, snapshot 256KiB",
		"init_data_perms: sandbox r, snapshot rw"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

func TestOrdering(t *testing.T) {
	for name, first := range map[string]bool{"strict": true,
		"subset": true, "adopt": true, "adopt-remap-first": false} {
		if MustNew(name).UnmapDynamicFirst() != first {
			t.Errorf("%s: unmap dynamic first should be %v", name, first)
		}
	}
}

func TestBadNames(t *testing.T) {
	for _, n := range []string{"", "lax", "subset:", "subset:heap",
		"subset:heap_size,heap_size"} {
		if _, err := New(n); err == nil {
			t.Errorf("New(%q) accepted", n)
		}
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		in     string
		base   string
		fields []layout.Field
		bad    bool
	}{
		{in: "strict", base: "strict"},
		{in: "subset", base: "subset"},
		{in: "adopt", base: "adopt"},
		{in: "adopt-remap-first", base: "adopt-remap-first"},
		{in: "subset:scratch_size", base: "subset",
			fields: []layout.Field{layout.ScratchSize}},
		{in: "subset:heap_size,input_size", base: "subset",
			fields: []layout.Field{layout.HeapSize, layout.InputSize}},
		{in: "subset:", bad: true},
		{in: "subset:heap_size,", bad: true},
		{in: "subset:heap_size,heap_size", bad: true},
		{in: "subset:total", bad: true},
		{in: "strict:heap_size", bad: true},
		{in: "Strict", bad: true},
		{in: "", bad: true},
	}
	for _, c := range cases {
		base, fields, err := Parse(c.in)
		if c.bad {
			if err == nil {
				t.Errorf("%q accepted as %s %v", c.in, base, fields)
			}
			continue
		}
		if err != nil || base != c.base ||
			!slices.Equal(fields, c.fields) {
			t.Errorf("%q: %s %v %v, want %s %v",
				c.in, base, fields, err, c.base, c.fields)
		}
	}
}
