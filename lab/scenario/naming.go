package scenario

import (
	"errors"
	"fmt"
	"strings"
)

// nameChars are the characters a benchmark key value may hold: none
// of them is special to go test's sub-benchmark names or to
// benchstat's key=value parsing.
const nameChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" +
	"0123456789._:+-"

// ValidKeyValue reports whether s can be the value of a key=value
// benchmark sub-name, such as a scenario or case name: non-empty,
// only the characters A-Z a-z 0-9 . _ : + -, and not ending in
// "-<digits>", which benchstat would take for a GOMAXPROCS suffix.
func ValidKeyValue(s string) error {
	if s == "" {
		return errors.New("must not be empty")
	}
	if i := strings.IndexFunc(s, func(r rune) bool {
		return !strings.ContainsRune(nameChars, r)
	}); i >= 0 {
		return fmt.Errorf("character %q not allowed "+
			"(allowed: A-Z a-z 0-9 . _ : + -)", []rune(s[i:])[0])
	}
	digits := strings.TrimRight(s, "0123456789")
	if len(digits) < len(s) && strings.HasSuffix(digits, "-") {
		return errors.New(`must not end in "-<digits>", which ` +
			"benchstat reads as GOMAXPROCS (end in a letter, " +
			`e.g. "-16B", or use "_16")`)
	}
	return nil
}
