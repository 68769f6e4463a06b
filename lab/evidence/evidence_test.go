package evidence

import (
	"slices"
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/strategy"
)

func TestEvidence(t *testing.T) {
	if err := vmcore.Available(); err != nil {
		t.Skipf("KVM unusable here: %v", err)
	}
	res, err := Run(Options{Samples: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range res.Rows {
		if !row.CorrectUnderAdopt {
			t.Errorf("%s: not correct under adopt: %v", row.Variant,
				row.Failures)
		}
		if row.Admitted[strategy.Strict] {
			t.Errorf("%s: strict admitted a different layout", row.Variant)
		}
		if !row.StrictUntouched {
			t.Errorf("%s: strict's refusal changed the sandbox", row.Variant)
		}
		if !row.Admitted[strategy.Adopt] || !row.Admitted[strategy.Subset] {
			t.Errorf("%s: adopt or subset refused: %v", row.Variant,
				row.Admitted)
		}
	}
	for _, c := range res.Checks {
		if !c.Passed {
			t.Errorf("%s: %s", c.Name, c.Detail)
		}
	}
	// The default subset must be exactly what the evidence needs.
	var def []string
	for _, f := range strategy.DefaultSubset {
		def = append(def, string(f))
	}
	if need := res.FieldsNeeded(); !slices.Equal(need, def) {
		t.Errorf("evidence needs fields %v, DefaultSubset is %v", need, def)
	}
	if len(res.Rows) != 14 {
		t.Errorf("%d rows, want 14 (seven fields, two changes each)",
			len(res.Rows))
	}
}
