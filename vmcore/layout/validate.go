package layout

import (
	"errors"
	"fmt"
)

// Range is the allowed span of a size field, inclusive.
type Range struct{ Min, Max uint64 }

// String renders the range as people write sizes.
func (r Range) String() string {
	return FormatSize(r.Min) + " to " + FormatSize(r.Max)
}

// Ranges gives the allowed span of each size field. Scratch's lower
// bound also depends on the other fields (see MinScratch).
var Ranges = map[Field]Range{
	InputSize:    {PageSize, 256 << 20},
	OutputSize:   {PageSize, 256 << 20},
	HeapSize:     {PageSize, 15 << 30},
	CodeSize:     {PageSize, 1 << 30},
	InitDataSize: {0, 1 << 30},
	ScratchSize:  {16 * PageSize, 8 << 30},
}

// FieldError says which field is wrong, what it holds and what is
// allowed. Callers that load files wrap it with the file and line.
type FieldError struct {
	Field   Field
	Value   string
	Allowed string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%s = %s: allowed %s", e.Field, e.Value, e.Allowed)
}

// Validate checks every configured field against its range, page
// alignment, the scratch minimum and the per-sandbox cap. It reports
// all problems, each as a *FieldError.
func (l Layout) Validate() error {
	var errs []error
	for _, f := range Fields {
		if f == InitDataPerms {
			if l.InitDataPerms&PermRead == 0 ||
				l.InitDataPerms > PermRead|PermWrite|PermExec {
				errs = append(errs, &FieldError{f,
					l.InitDataPerms.String(), "r, rw, rx or rwx"})
			}
			continue
		}
		v, r := l.Get(f), Ranges[f]
		switch {
		case v%PageSize != 0:
			errs = append(errs, &FieldError{f, FormatSize(v),
				"a multiple of 4KiB in " + r.String()})
		case v < r.Min || v > r.Max:
			errs = append(errs, &FieldError{f, FormatSize(v), r.String()})
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}

	if min := l.MinScratch(); l.ScratchSize < min {
		errs = append(errs, &FieldError{ScratchSize,
			FormatSize(l.ScratchSize),
			fmt.Sprintf("at least %s for this layout (input + output + "+
				"%s of page tables + %d pages)", FormatSize(min),
				FormatSize(l.PageTableSize()), SlackPages)})
	}
	if total := l.GuestVisibleSize() + l.ScratchSize; total > MaxTotal {
		errs = append(errs, &FieldError{"total",
			FormatSize(total), "at most " + FormatSize(MaxTotal) +
				" for both regions together"})
	}
	return errors.Join(errs...)
}
