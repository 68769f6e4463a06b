package evidence

import "time"

// Row is the verdict for one variant of the cross-layout matrix.
type Row struct {
	Variant string `json:"variant"`
	Field   string `json:"field"`
	Change  string `json:"change"`

	// Admitted says, per strategy, whether it let the snapshot in.
	Admitted map[string]bool `json:"admitted"`
	// StrictUntouched: the refused strict restore left the sandbox
	// exactly as it was.
	StrictUntouched bool `json:"strict_untouched"`

	// CorrectUnderAdopt: every adopt check passed; Failures lists
	// the ones that did not.
	CorrectUnderAdopt bool     `json:"correct_under_adopt"`
	Failures          []string `json:"failures,omitempty"`

	// KeptDisagreements: what a restore that kept the sandbox's own
	// layout would get wrong; empty means the field need not match
	// even then.
	KeptDisagreements []string `json:"kept_disagreements,omitempty"`

	// Median restore times under adopt, measured on the vCPU thread:
	// the same-layout restore and this cross-layout one; and the wall
	// time of strict's fallback (fresh sandbox from the snapshot plus
	// closing the old).
	SameNs     int64 `json:"same_ns"`
	CrossNs    int64 `json:"cross_ns"`
	FallbackNs int64 `json:"fallback_ns"`
}

// Check is a named scenario outside the matrix and what it showed.
type Check struct {
	Name   string `json:"name"`
	Passed bool   `json:"passed"`
	Detail string `json:"detail"`
}

// Result is everything one evidence run found.
type Result struct {
	Backend  string        `json:"kvm_backend"`
	Samples  int           `json:"samples"`
	Rows     []Row         `json:"rows"`
	Checks   []Check       `json:"checks"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	Strategy []string      `json:"strategies"`
}

// FieldsNeeded lists the fields for which adoption was not correct in
// at least one variant: the minimal set a subset strategy must check.
func (r *Result) FieldsNeeded() []string {
	seen := map[string]bool{}
	var out []string
	for _, row := range r.Rows {
		if !row.CorrectUnderAdopt && !seen[row.Field] {
			seen[row.Field] = true
			out = append(out, row.Field)
		}
	}
	return out
}

// AllPassed reports whether every row was correct under adopt and
// every named check passed.
func (r *Result) AllPassed() bool {
	for _, row := range r.Rows {
		if !row.CorrectUnderAdopt || !row.StrictUntouched {
			return false
		}
	}
	for _, c := range r.Checks {
		if !c.Passed {
			return false
		}
	}
	return true
}
