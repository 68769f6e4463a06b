package layout

import (
	"fmt"
	"strconv"
	"strings"
)

var sizeUnits = []struct {
	suffix string
	shift  uint
}{
	{"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0},
}

// ParseSize reads a size the way people write it: "16KiB", "256MiB",
// "1GiB", "4096" or "4096B". Only binary units are accepted, because
// every region is a whole number of pages.
func ParseSize(s string) (uint64, error) {
	t := strings.TrimSpace(s)
	for _, u := range sizeUnits {
		num, ok := strings.CutSuffix(t, u.suffix)
		if !ok {
			continue
		}
		return parseScaled(s, strings.TrimSpace(num), u.shift)
	}
	return parseScaled(s, t, 0)
}

func parseScaled(orig, num string, shift uint) (uint64, error) {
	n, err := strconv.ParseUint(num, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q: want a whole number with "+
			"an optional unit B, KiB, MiB or GiB", orig)
	}
	if n > (1<<63)>>shift {
		return 0, fmt.Errorf("size %q: too large", orig)
	}
	return n << shift, nil
}

// FormatSize renders n with the largest binary unit that divides it.
func FormatSize(n uint64) string {
	for _, u := range sizeUnits[:3] {
		if n != 0 && n%(1<<u.shift) == 0 {
			return strconv.FormatUint(n>>u.shift, 10) + u.suffix
		}
	}
	return strconv.FormatUint(n, 10) + "B"
}
