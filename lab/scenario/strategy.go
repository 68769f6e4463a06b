package scenario

import (
	"fmt"
	"slices"
	"snaplab/vmcore"
	"strings"

	"snaplab/vmcore/layout"
)

// The restore strategies a scenario may list. A subset strategy may
// name the fields it compares: "subset:scratch_size" or
// "subset:heap_size,input_size"; bare "subset" leaves the set to the
// strategy's own default.
const (
	Strict          = "strict"
	Subset          = "subset"
	Adopt           = "adopt"
	AdoptRemapFirst = "adopt-remap-first"
)

// KnownStrategies lists the strategy names, without subset's field
// lists, in the order reports show them.
var KnownStrategies = []string{Strict, Subset, Adopt, AdoptRemapFirst}

// KnownMems lists the memory set-ups a scenario may list: the
// techniques of DESIGN §3 and guest-cow's scratch reset variants, as
// vmcore names them.
var KnownMems = vmcore.MemoryNames

// strategyForms is the allowed list that errors show.
const strategyForms = "strict, subset, subset:FIELD[,FIELD...], " +
	"adopt or adopt-remap-first"

// ParseStrategy splits a strategy name into its base name and, for
// "subset:FIELD,...", the fields it compares (nil for every other
// form, bare "subset" included). Fields must be layout fields and may
// not repeat.
func ParseStrategy(s string) (base string, fields []layout.Field, err error) {
	base, list, hasList := strings.Cut(s, ":")
	if !slices.Contains(KnownStrategies, base) ||
		hasList && base != Subset {
		return "", nil, fmt.Errorf("strategy %q: allowed %s",
			s, strategyForms)
	}
	if !hasList {
		return base, nil, nil
	}
	if list == "" {
		return "", nil, fmt.Errorf("strategy %q: name at least one "+
			"field after the colon, or write plain subset", s)
	}
	for name := range strings.SplitSeq(list, ",") {
		f := layout.Field(name)
		if !slices.Contains(layout.Fields, f) {
			return "", nil, fmt.Errorf("strategy %q: unknown field "+
				"%q (allowed: %s)", s, name, fieldList())
		}
		if slices.Contains(fields, f) {
			return "", nil, fmt.Errorf("strategy %q: field %q "+
				"repeated", s, name)
		}
		fields = append(fields, f)
	}
	return base, fields, nil
}

// fieldList renders the seven layout field names for messages.
func fieldList() string {
	names := make([]string, len(layout.Fields))
	for i, f := range layout.Fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// readStrategies reads the strategies list; each must parse and
// none may repeat.
func readStrategies(top *table) []string {
	var out []string
	for _, it := range top.stringList("strategies", DefaultStrategies) {
		if _, _, err := ParseStrategy(it.value); err != nil {
			top.elemf("strategies", it.index, ": %v", err)
			continue
		}
		if slices.Contains(out, it.value) {
			top.elemf("strategies", it.index, " = %q: listed twice",
				it.value)
			continue
		}
		out = append(out, it.value)
	}
	return out
}

// readMems reads the mems list against KnownMems.
func readMems(top *table) []string {
	var out []string
	for _, it := range top.stringList("mems", DefaultMems) {
		if !slices.Contains(KnownMems, it.value) {
			top.elemf("mems", it.index, " = %q: allowed %s", it.value,
				orList(KnownMems))
			continue
		}
		if slices.Contains(out, it.value) {
			top.elemf("mems", it.index, " = %q: listed twice", it.value)
			continue
		}
		out = append(out, it.value)
	}
	return out
}

// orList renders "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	last := len(words) - 1
	return strings.Join(words[:last], ", ") + " or " + words[last]
}
