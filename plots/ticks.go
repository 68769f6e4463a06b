package plots

import (
	"math"
	"slices"
	"strconv"

	"snaplab/lab/results"

	"gonum.org/v1/plot"
)

// timeAxis scales nanoseconds for an axis whose largest value is
// about maxNs: it returns the divisor to apply to every value and the
// axis label, such as "restore latency (µs)". A unit is only chosen
// when the axis reaches two of it, so that a top of 1.1 ms reads as
// 1100 µs rather than ticks at 0.5 and 1.0.
func timeAxis(what string, maxNs float64) (divisor float64, label string) {
	div, unit := results.TimeScale(maxNs / 2)
	return div, what + " (" + unit + ")"
}

// logTicks marks a log axis at 1, 2 and 5 times each power of ten,
// with the other integer multiples as minor ticks. plot.LogTicks
// labels only powers of ten, which leaves a narrow range such as
// 40–150 µs without a single label. A range that gets fewer than
// three labels so gets 3 labelled too, then every multiple: 3 first,
// because 8, 9 and 10 sit close enough to touch on a short axis.
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	if !(min > 0) || !(max > min) {
		return nil
	}
	var ticks []plot.Tick
	for _, major := range [][]int{{1, 2, 5}, {1, 2, 3, 5},
		{1, 2, 3, 4, 5, 6, 7, 8, 9}} {
		ticks = build(min, max, major)
		labelled := 0
		for _, t := range ticks {
			if t.Label != "" {
				labelled++
			}
		}
		if labelled >= 3 {
			break
		}
	}
	return ticks
}

// build marks each integer multiple of each power of ten from min to
// max, labelling the multiples in major.
func build(min, max float64, major []int) []plot.Tick {
	var ticks []plot.Tick
	lo := int(math.Floor(math.Log10(min)))
	hi := int(math.Ceil(math.Log10(max)))
	for e := lo; e <= hi; e++ {
		for m := 1; m <= 9; m++ {
			v := float64(m) * math.Pow10(e)
			if v < min*(1-1e-9) || v > max*(1+1e-9) {
				continue
			}
			t := plot.Tick{Value: v}
			if slices.Contains(major, m) {
				t.Label = strconv.FormatFloat(v, 'g', 6, 64)
			}
			ticks = append(ticks, t)
		}
	}
	return ticks
}

// sizeTicks marks an axis that holds log2 of sizes in bytes at
// exactly the sizes measured, labelled "128 KiB", "1 MiB" and so on.
func sizeTicks(sizes []float64) plot.ConstantTicks {
	var ticks plot.ConstantTicks
	for _, s := range sizes {
		ticks = append(ticks, plot.Tick{Value: math.Log2(s),
			Label: results.FormatSize(uint64(s))})
	}
	return ticks
}

// log10Ticks marks an axis that holds log10 of its values as
// logTicks marks a log axis of the values themselves, or, when labels
// is set, labels those multiples of each power of ten instead: a
// short axis, such as a sweep panel's, needs fewer (see fitLogY).
//
// The sweeps plot logarithms on linear axes rather than use
// plot.LogScale, because gonum places an axis label's glyph box at the
// linear midpoint of the range: on a log axis that box sticks out of
// the plot, and the padding gonum adds for it leaves a blank band.
type log10Ticks struct{ labels []int }

// Ticks implements plot.Ticker.
func (t log10Ticks) Ticks(min, max float64) []plot.Tick {
	lo, hi := math.Pow(10, min), math.Pow(10, max)
	var ticks []plot.Tick
	if t.labels != nil {
		ticks = build(lo, hi, t.labels)
	} else {
		ticks = logTicks{}.Ticks(lo, hi)
	}
	for i := range ticks {
		ticks[i].Value = math.Log10(ticks[i].Value)
	}
	return ticks
}

// linearTicks marks a linear axis with about six labelled ticks at
// steps of 1, 2, 2.5 or 5 times a power of ten, and a minor tick
// between each pair: plot.DefaultTicks gives only three labels, too
// few to read a bar's height from.
type linearTicks struct{}

// Ticks implements plot.Ticker.
func (linearTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) {
		return nil
	}
	raw := (max - min) / 6
	mag := math.Pow10(int(math.Floor(math.Log10(raw))))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var ticks []plot.Tick
	first := math.Ceil(min/step-1e-9) * step
	for i := 0; ; i++ {
		v := first + float64(i)*step/2
		if v > max+step*1e-9 {
			break
		}
		t := plot.Tick{Value: v}
		if i%2 == 0 {
			t.Label = strconv.FormatFloat(v, 'g', 6, 64)
		}
		ticks = append(ticks, t)
	}
	return ticks
}
