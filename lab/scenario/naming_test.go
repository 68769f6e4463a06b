package scenario

import (
	"slices"
	"testing"

	"snaplab/vmcore/layout"
)

func TestValidKeyValue(t *testing.T) {
	good := []string{"same", "heap-16B", "heap-128KiB", "x_16",
		"subset:scratch_size", "v1.2+rc", "a-b-c", "16", "-x", "a-"}
	for _, s := range good {
		if err := ValidKeyValue(s); err != nil {
			t.Errorf("ValidKeyValue(%q) = %v", s, err)
		}
	}
	bad := []string{"", "heap-16", "a-0", "x-1-2", "a/b", "a=b",
		"a b", "é", "a,b", "-12"}
	for _, s := range bad {
		if err := ValidKeyValue(s); err == nil {
			t.Errorf("ValidKeyValue(%q) accepted", s)
		}
	}
}

func TestParseStrategy(t *testing.T) {
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
		base, fields, err := ParseStrategy(c.in)
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
