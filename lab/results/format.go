package results

import (
	"math"
	"strconv"
	"strings"
)

// IsTime reports whether unit measures nanoseconds, as ns/op and the
// suite's restore-ns/op or p99-ns/op do.
func IsTime(unit string) bool {
	num, _, _ := strings.Cut(unit, "/")
	return num == "ns" || strings.HasSuffix(num, "-ns")
}

// TimeScale picks the unit a reader wants for a time of about ns
// nanoseconds: it returns the divisor and its name ("ns", "µs", "ms"
// or "s").
func TimeScale(ns float64) (divisor float64, name string) {
	ns = math.Abs(ns)
	switch {
	case ns >= 1e9:
		return 1e9, "s"
	case ns >= 1e6:
		return 1e6, "ms"
	case ns >= 1e3:
		return 1e3, "µs"
	}
	return 1, "ns"
}

// FormatValue writes v, measured in unit, with three significant
// digits: times get the scale TimeScale picks ("48.2 µs"), other
// units are written as plain numbers ("0.5", "20400").
func FormatValue(v float64, unit string) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if IsTime(unit) {
		div, name := TimeScale(v)
		return threeDigits(v/div) + " " + name
	}
	s := threeDigits(v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// threeDigits keeps three significant digits without an exponent.
func threeDigits(v float64) string {
	a := math.Abs(v)
	decimals := 0
	switch {
	case a == 0:
	case a < 1:
		decimals = 3 - int(math.Floor(math.Log10(a))) - 1
	case a < 10:
		decimals = 2
	case a < 100:
		decimals = 1
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}
