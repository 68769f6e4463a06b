package scenario

import (
	"slices"
	"strings"

	"snaplab/vmcore"
	"snaplab/vmcore/strategy"
)

// The restore strategies a scenario may list, as package strategy
// names and parses them: a subset strategy may name the fields it
// compares ("subset:scratch_size", "subset:heap_size,input_size");
// bare "subset" leaves the set to the strategy's own default.
const (
	Strict          = strategy.Strict
	Subset          = strategy.Subset
	Adopt           = strategy.Adopt
	AdoptRemapFirst = strategy.AdoptRemapFirst
)

// KnownMems lists the memory set-ups a scenario may list: the
// techniques of DESIGN §3 and guest-cow's scratch reset variants, as
// vmcore names them.
var KnownMems = vmcore.MemoryNames

// readStrategies reads the strategies list; each must parse and
// none may repeat.
func readStrategies(top *table) []string {
	var out []string
	for _, it := range top.stringList("strategies", DefaultStrategies) {
		if _, _, err := strategy.Parse(it.value); err != nil {
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
