package strategy

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

// Names of the strategies, as benchmarks and reports spell them.
const (
	Strict          = "strict"
	Subset          = "subset"
	Adopt           = "adopt"
	AdoptRemapFirst = "adopt-remap-first"
)

// DefaultSubset is the set of fields a plain "subset" checks: the
// minimal set the lab's evidence supports. The cross-layout matrix in
// lab/evidence finds every field correct under adoption, so the set
// is empty; lab/evidence's test fails if that ever stops being true.
var DefaultSubset []layout.Field

// fields admits a snapshot when the listed fields match.
type fields struct {
	name  string
	check []layout.Field
	first bool
}

func (f fields) Name() string            { return f.name }
func (f fields) UnmapDynamicFirst() bool { return f.first }

func (f fields) Admit(current, incoming layout.Layout) error {
	var diffs []FieldDiff
	for _, field := range f.check {
		if current.Get(field) != incoming.Get(field) {
			diffs = append(diffs, FieldDiff{field,
				current.Format(field), incoming.Format(field)})
		}
	}
	if len(diffs) == 0 {
		return nil
	}
	return &MismatchError{Strategy: f.name, Diffs: diffs}
}

// Names lists the strategy names, without subset's field lists, in
// the order reports show them.
var Names = []string{Strict, Subset, Adopt, AdoptRemapFirst}

// forms is the allowed list that errors show.
const forms = "strict, subset, subset:FIELD[,FIELD...], " +
	"adopt or adopt-remap-first"

// Parse splits a strategy name into its base name and, for
// "subset:FIELD,...", the fields it compares (nil for every other
// form, bare "subset" included). Fields must be layout fields and may
// not repeat.
func Parse(name string) (base string, check []layout.Field, err error) {
	base, list, hasList := strings.Cut(name, ":")
	if !slices.Contains(Names, base) || hasList && base != Subset {
		return "", nil, fmt.Errorf("strategy %q: allowed %s", name, forms)
	}
	if !hasList {
		return base, nil, nil
	}
	if list == "" {
		return "", nil, fmt.Errorf("strategy %q: name at least one "+
			"field after the colon, or write plain subset", name)
	}
	for f := range strings.SplitSeq(list, ",") {
		field := layout.Field(f)
		if !slices.Contains(layout.Fields, field) {
			return "", nil, fmt.Errorf("strategy %q: unknown field "+
				"%q (allowed: %s)", name, f, layout.FieldList())
		}
		if slices.Contains(check, field) {
			return "", nil, fmt.Errorf("strategy %q: field %q "+
				"repeated", name, f)
		}
		check = append(check, field)
	}
	return base, check, nil
}

// New returns the strategy with the given name (see Parse and the
// package documentation for the names).
func New(name string) (vmcore.Strategy, error) {
	base, check, err := Parse(name)
	if err != nil {
		return nil, err
	}
	switch {
	case base == Strict:
		return fields{Strict, layout.Fields, true}, nil
	case base == Subset && check == nil:
		return fields{Subset, DefaultSubset, true}, nil
	case base == Subset:
		return fields{name, check, true}, nil
	case base == Adopt:
		return fields{Adopt, nil, true}, nil
	}
	return fields{AdoptRemapFirst, nil, false}, nil
}

// MustNew is New for names known to be good; it panics otherwise.
func MustNew(name string) vmcore.Strategy {
	s, err := New(name)
	if err != nil {
		panic(err)
	}
	return s
}

// FieldDiff is one field that differs, with both values.
type FieldDiff struct {
	Field    layout.Field
	Sandbox  string
	Snapshot string
}

// MismatchError is a refused admission. It wraps
// vmcore.ErrLayoutMismatch.
type MismatchError struct {
	Strategy string
	Diffs    []FieldDiff
}

func (e *MismatchError) Error() string {
	parts := make([]string, len(e.Diffs))
	for i, d := range e.Diffs {
		parts[i] = fmt.Sprintf("%s: sandbox %s, snapshot %s",
			d.Field, d.Sandbox, d.Snapshot)
	}
	return fmt.Sprintf("%s: layout mismatch: %s", e.Strategy,
		strings.Join(parts, "; "))
}

// Unwrap lets errors.Is match vmcore.ErrLayoutMismatch.
func (e *MismatchError) Unwrap() error { return vmcore.ErrLayoutMismatch }

// IsMismatch reports whether err is a refused admission.
func IsMismatch(err error) bool {
	return errors.Is(err, vmcore.ErrLayoutMismatch)
}
