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

// New returns the strategy with the given name (see the package
// documentation for the names).
func New(name string) (vmcore.Strategy, error) {
	switch name {
	case Strict:
		return fields{Strict, layout.Fields, true}, nil
	case Subset:
		return fields{Subset, DefaultSubset, true}, nil
	case Adopt:
		return fields{Adopt, nil, true}, nil
	case AdoptRemapFirst:
		return fields{AdoptRemapFirst, nil, false}, nil
	}
	list, ok := strings.CutPrefix(name, Subset+":")
	if !ok {
		return nil, fmt.Errorf("strategy %q: want strict, subset, "+
			"subset:FIELD[,FIELD...], adopt or adopt-remap-first", name)
	}
	var check []layout.Field
	for _, f := range strings.Split(list, ",") {
		field := layout.Field(f)
		if !slices.Contains(layout.Fields, field) {
			return nil, fmt.Errorf("strategy %q: unknown field %q "+
				"(fields: %v)", name, f, layout.Fields)
		}
		if slices.Contains(check, field) {
			return nil, fmt.Errorf("strategy %q: field %q twice", name, f)
		}
		check = append(check, field)
	}
	return fields{name, check, true}, nil
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
