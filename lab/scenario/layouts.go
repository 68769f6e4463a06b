package scenario

import (
	"errors"
	"fmt"

	"snaplab/vmcore/layout"
)

// setting is one layout field a table sets, and the line it is on.
type setting struct {
	field layout.Field
	value uint64
	line  int
}

// override is what one layout table sets: [source], [target], a
// case's source = { ... }, a [[pool.tenant]].
type override []setting

// has reports whether o sets f.
func (o override) has(f layout.Field) bool {
	for _, s := range o {
		if s.field == f {
			return true
		}
	}
	return false
}

// readOverride reads a layout table; nil t reads as an empty one.
// Keys that are wrong are reported and left out.
func readOverride(t *table) override {
	if t == nil {
		return nil
	}
	names := make([]string, len(layout.Fields))
	for i, f := range layout.Fields {
		names[i] = string(f)
	}
	t.allow(names...)

	var o override
	for _, f := range layout.Fields {
		v, present := t.m[string(f)]
		if !present {
			continue
		}
		n, err := parseField(f, v)
		if err != nil {
			t.errf(string(f), ": %v", err)
			continue
		}
		o = append(o, setting{f, n, t.line(string(f))})
	}
	return o
}

// parseField reads a layout field's value as a file writes it: perms
// as a string for layout.ParsePerms, sizes as a string for
// layout.ParseSize or as a bare number of bytes. Ranges are left to
// layout.Validate.
func parseField(f layout.Field, v any) (uint64, error) {
	if f == layout.InitDataPerms {
		s, ok := v.(string)
		if !ok {
			return 0, fmt.Errorf(`want "r", "rw", "rx" or "rwx", `+
				"got %s", kind(v))
		}
		p, err := layout.ParsePerms(s)
		return uint64(p), err
	}
	switch v := v.(type) {
	case string:
		return layout.ParseSize(v)
	case int64:
		if v < 0 {
			return 0, fmt.Errorf("size %d: must not be negative", v)
		}
		return uint64(v), nil
	}
	return 0, fmt.Errorf(`want a size such as "128KiB" or a number `+
		"of bytes, got %s", kind(v))
}

// formatField renders a field's value for a case name.
func formatField(f layout.Field, v uint64) string {
	if f == layout.InitDataPerms {
		return layout.Perms(v).String()
	}
	return layout.FormatSize(v)
}

// sourced is a layout built from layout.Default() and overrides,
// remembering the line that set each field so that a field the
// layout rejects is reported where it was written.
type sourced struct {
	layout.Layout
	lines map[layout.Field]int
	line  int // the case's or tenant's line, for fields set nowhere
}

// build applies the overrides in order, later ones winning, to
// layout.Default() and computes the outputs.
func build(line int, overrides ...override) sourced {
	s := sourced{layout.Default(), map[layout.Field]int{}, line}
	for _, o := range overrides {
		for _, set := range o {
			s.Layout = s.Set(set.field, set.value)
			s.lines[set.field] = set.line
		}
	}
	s.Layout = s.WithOutputs()
	return s
}

// lineOf is where f was set, or the layout's own line.
func (s sourced) lineOf(f layout.Field) int {
	if l, ok := s.lines[f]; ok {
		return l
	}
	return s.line
}

// check reports each problem layout.Validate finds in s at the line
// of the field concerned, naming the field as label.field. It
// reports whether s is valid.
func (s sourced) check(p *problems, scope, label string) bool {
	err := s.Validate()
	if err == nil {
		return true
	}
	for _, e := range flatten(err) {
		var fe *layout.FieldError
		if errors.As(e, &fe) {
			line := s.lineOf(fe.Field)
			p.once(line, fe.Error(), scope,
				fmt.Errorf("%s.%w", label, fe))
			continue
		}
		p.once(s.line, e.Error(), scope, fmt.Errorf("%s: %w", label, e))
	}
	return false
}

// flatten lists the errors an errors.Join holds.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
