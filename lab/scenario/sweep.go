package scenario

import (
	"fmt"

	"snaplab/vmcore/layout"
)

// readSweep reads one [[sweep]] and expands it into one draft per
// value, named after the sweep and the value ("heap-128KiB"). A sweep
// too broken to expand yields no drafts.
func readSweep(t *table, i int) []draft {
	t.label, t.scope = "", fmt.Sprintf("sweep[%d]", i)
	t.allow("name", "field", "side", "values", "source", "target")
	name, ok := t.required("name")
	if ok {
		if err := ValidKeyValue(name); err != nil {
			t.errf("name", " = %q: %v", name, err)
			ok = false
		}
	}
	if ok {
		t.scope = fmt.Sprintf("sweep %q", name)
	}

	fieldName, hasField := t.required("field")
	field, known := fieldOf(fieldName)
	if hasField && !known {
		t.errf("field", " = %q: allowed %s", fieldName, layout.FieldList())
	}
	side := "both"
	if s, present := t.str("side"); present {
		side = s
		if _, known := sides[s]; !known {
			t.errf("side", " = %q: allowed source, target or both", s)
			ok = false
		}
	}
	source := readOverride(t.sub("source"))
	target := readOverride(t.sub("target"))
	if !ok || !known {
		return nil
	}
	on := sides[side]
	for j, o := range []override{source, target} {
		label := [2]string{"source", "target"}[j]
		for _, set := range o {
			if on[j] && set.field == field {
				t.probs.addf(set.line, t.scope, "%s.%s: also set by "+
					"the sweep's values (side = %q); drop one",
					label, field, side)
			}
		}
	}

	raw, present := t.m["values"]
	values, isArray := raw.([]any)
	switch {
	case !present:
		t.probs.addf(t.here(), t.scope, "values: required")
		return nil
	case !isArray:
		t.errf("values", " = %s: want an array, got %s",
			show(raw), kind(raw))
		return nil
	case len(values) == 0:
		t.errf("values", ": must not be empty")
		return nil
	}

	var drafts []draft
	for j, v := range values {
		n, err := parseField(field, v)
		if err != nil {
			t.elemf("values", j, ": %v", err)
			continue
		}
		set := setting{field, n, t.elemLine("values", j)}
		d := draft{
			name:     name + "-" + formatField(field, n),
			sweep:    name,
			line:     set.line,
			nameLine: set.line,
			source:   source,
			target:   target,
		}
		if on[0] {
			d.source = append(append(override{}, source...), set)
		}
		if on[1] {
			d.target = append(append(override{}, target...), set)
		}
		drafts = append(drafts, d)
	}
	return drafts
}

// sides says which layouts a sweep's values land in.
var sides = map[string][2]bool{
	"source": {true, false},
	"target": {false, true},
	"both":   {true, true},
}

// fieldOf returns the layout field called name.
func fieldOf(name string) (layout.Field, bool) {
	for _, f := range layout.Fields {
		if string(f) == name {
			return f, true
		}
	}
	return "", false
}
