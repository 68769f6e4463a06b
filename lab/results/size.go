package results

import (
	"fmt"
	"strconv"
	"strings"
)

// binaryUnits are the size suffixes the suite writes in sub-names,
// longest first so that "KiB" is not read as "B".
var binaryUnits = []struct {
	suffix string
	shift  uint
}{
	{"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0},
}

// ParseSize reads a size as the suite writes it in a sub-name value,
// such as "128KiB" or "256MiB", and returns it in bytes. A bare
// number is taken as bytes.
func ParseSize(s string) (uint64, error) {
	num, shift := s, uint(0)
	for _, u := range binaryUnits {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, shift = n, u.shift
			break
		}
	}
	n, err := strconv.ParseUint(num, 10, 64)
	if err != nil || num == "" || num[0] == '+' {
		return 0, fmt.Errorf("size %q: want a whole number "+
			"followed by B, KiB, MiB or GiB", s)
	}
	if n > (1<<64-1)>>shift {
		return 0, fmt.Errorf("size %q: larger than 16 EiB", s)
	}
	return n << shift, nil
}

// FormatSize writes n bytes for a reader in the largest binary unit
// not above it: "128 KiB", "256 MiB", or "1.5 MiB" with one decimal
// when the unit does not divide n.
func FormatSize(n uint64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	i := 0
	for i < len(units)-1 && n >= 1<<(10*(i+1)) {
		i++
	}
	if n%(1<<(10*i)) == 0 {
		return fmt.Sprintf("%d %s", n>>(10*i), units[i])
	}
	v := float64(n) / float64(uint64(1)<<(10*i))
	return strconv.FormatFloat(v, 'f', 1, 64) + " " + units[i]
}

// Sweep reports whether a case name belongs to a size sweep:
// "heap-1MiB" varies the heap and "scratch-4MiB" the scratch region.
// It returns the sub-name key that holds the varied size ("heap" or
// "scratch"). Cases such as "heap-grow" are not sweeps.
func Sweep(caseName string) (key string, ok bool) {
	for _, k := range []string{"heap", "scratch"} {
		rest, found := strings.CutPrefix(caseName, k+"-")
		if !found {
			continue
		}
		if _, err := ParseSize(rest); err == nil {
			return k, true
		}
	}
	return "", false
}
