package results

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/perf/benchfmt"
	"golang.org/x/perf/benchmath"
	"golang.org/x/perf/benchproc"
)

// Confidence is the confidence level of every interval in a Summary.
const Confidence = 0.95

// A KeyValue is one field of a configuration, such as strategy=adopt
// or host=vm.
type KeyValue struct {
	Key, Value string
}

// A Summary describes the samples of one configuration in one unit:
// their median and its confidence interval.
type Summary struct {
	// Keys identify the configuration, in projection order. With
	// the default grouping they are host, benchmark (the name
	// without "Benchmark" and sub-names) and every sub-name key of
	// the Set; a key the benchmark does not have is "".
	Keys []KeyValue

	// Unit is the unit as the file wrote it, such as
	// "restore-ns/op"; the values are in that unit.
	Unit string

	// Median is the sample median. Lo and Hi bound its confidence
	// interval at level Confidence; they are infinite when there
	// are too few samples for one (fewer than 6 at 95%).
	Median, Lo, Hi float64

	// N is the number of samples.
	N int

	// Values are the samples in ascending order.
	Values []float64

	// Warnings come from benchmath, such as too few samples for a
	// confidence interval.
	Warnings []error
}

// Get returns the value of key in s, or "" if s has no such key.
func (s Summary) Get(key string) string {
	for _, kv := range s.Keys {
		if kv.Key == key {
			return kv.Value
		}
	}
	return ""
}

// Configuration renders the keys of s that have a value as
// "key=value" pairs separated by spaces, leaving out the keys in omit.
// Two summaries of one configuration in different units render
// alike, so the result serves as a map key.
func (s Summary) Configuration(omit ...string) string {
	var b strings.Builder
	for _, kv := range s.Keys {
		if kv.Value == "" || contains(omit, kv.Key) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(kv.Key + "=" + kv.Value)
	}
	return b.String()
}

// Range returns the half-width of the confidence interval relative
// to the median, as benchstat prints it: "±3%", or "±∞" when the
// interval is unbounded.
func (s Summary) Range() string {
	return "±" + s.benchmath().PctRangeString()
}

func (s Summary) benchmath() benchmath.Summary {
	return benchmath.Summary{Center: s.Median, Lo: s.Lo, Hi: s.Hi}
}

// Bounded reports whether the confidence interval of s is finite.
func (s Summary) Bounded() bool {
	return !math.IsInf(s.Lo, 0) && !math.IsInf(s.Hi, 0)
}

// DefaultProjection returns the grouping Summaries uses: the host,
// the benchmark name and every sub-name key, in benchproc projection
// syntax.
func (s *Set) DefaultProjection() string {
	fields := []string{"host", ".name"}
	for _, k := range s.NameKeys {
		// Quoting keeps a key with a comma or colon one field.
		fields = append(fields, strconv.Quote("/"+k))
	}
	return strings.Join(fields, ",")
}

// Summaries summarises s grouped by DefaultProjection: one Summary
// per configuration and unit, configurations in the order first seen
// and units in the order each configuration reported them.
func (s *Set) Summaries() []Summary {
	sums, err := s.SummarizeBy(s.DefaultProjection())
	if err != nil {
		// The default projection names only keys that exist.
		panic("results: default projection: " + err.Error())
	}
	return sums
}

// SummarizeBy summarises s grouped by a benchproc projection such as
// "host,/case,/strategy". Results that agree on every projected field
// are pooled. In the Summary keys, ".name" is called "benchmark" and
// sub-name keys lose their "/".
func (s *Set) SummarizeBy(projection string) ([]Summary, error) {
	var parser benchproc.ProjectionParser
	filter, err := benchproc.NewFilter("*")
	if err != nil {
		return nil, fmt.Errorf("results: %w", err)
	}
	proj, err := parser.Parse(projection, filter)
	if err != nil {
		return nil, fmt.Errorf("results: projection %q: %w",
			projection, err)
	}

	type group struct {
		units   []string
		samples map[string][]float64
	}
	groups := map[benchproc.Key]*group{}
	var keys []benchproc.Key
	for _, res := range s.Results {
		// A projection with a fixed order, such as
		// "/strategy@(strict adopt)", filters out other values.
		match, _ := filter.Match(res)
		if !match.Any() {
			continue
		}
		key := proj.Project(res)
		g := groups[key]
		if g == nil {
			g = &group{samples: map[string][]float64{}}
			groups[key] = g
			keys = append(keys, key)
		}
		for i, v := range res.Values {
			if !match.Test(i) {
				continue
			}
			unit, val := original(v)
			if _, ok := g.samples[unit]; !ok {
				g.units = append(g.units, unit)
			}
			g.samples[unit] = append(g.samples[unit], val)
		}
	}
	benchproc.SortKeys(keys)

	fields := proj.FlattenedFields()
	var out []Summary
	for _, key := range keys {
		kvs := make([]KeyValue, len(fields))
		for i, f := range fields {
			kvs[i] = KeyValue{keyName(f.Name), key.Get(f)}
		}
		g := groups[key]
		for _, unit := range g.units {
			out = append(out, summarize(kvs, unit, g.samples[unit]))
		}
	}
	return out, nil
}

// original undoes benchfmt's tidying, which turns restore-ns/op into
// restore-sec/op: the lab reports time in ns.
func original(v benchfmt.Value) (unit string, value float64) {
	if v.OrigUnit != "" {
		return v.OrigUnit, v.OrigValue
	}
	return v.Unit, v.Value
}

func keyName(field string) string {
	if field == ".name" {
		return "benchmark"
	}
	return strings.TrimPrefix(field, "/")
}

func summarize(keys []KeyValue, unit string, values []float64) Summary {
	thresholds := benchmath.DefaultThresholds
	sample := benchmath.NewSample(values, &thresholds)
	sum := benchmath.AssumeNothing.Summary(sample, Confidence)
	return Summary{
		Keys:     keys,
		Unit:     unit,
		Median:   sum.Center,
		Lo:       sum.Lo,
		Hi:       sum.Hi,
		N:        len(values),
		Values:   sample.Values,
		Warnings: append(sample.Warnings, sum.Warnings...),
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
