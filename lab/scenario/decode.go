package scenario

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// table is one decoded TOML table together with the path that leads
// to it, so that every problem can name its key and line. Its getters
// report problems instead of returning them: a bad value yields the
// default and decoding goes on, so that one pass finds everything.
type table struct {
	probs *problems
	scope string   // the case, sweep or tenant; "" at the top level
	label string   // dotted key prefix shown in messages
	path  []string // path in the position index
	m     map[string]any
}

// key renders k as messages show it, e.g. "source.heap_size".
func (t *table) key(k string) string {
	if t.label == "" {
		return k
	}
	return t.label + "." + k
}

// line is the line of key k, or of the table if k is not written.
func (t *table) line(k string) int {
	return t.probs.pos.line(append(slices.Clip(t.path), k))
}

// here is the line of the table's own header or key.
func (t *table) here() int { return t.probs.pos.line(t.path) }

// errf reports a problem with key k, at k's line; the message starts
// with the key.
func (t *table) errf(k, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	t.probs.addf(t.line(k), t.scope, "%s%s", t.key(k), msg)
}

// allow reports every key of t that is not among allowed.
func (t *table) allow(allowed ...string) {
	var unknown []string
	for k := range t.m {
		if !slices.Contains(allowed, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		t.errf(k, ": unknown key (allowed: %s)",
			strings.Join(allowed, ", "))
	}
}

// str returns the string at k; ok is false if k is absent or wrong.
func (t *table) str(k string) (s string, ok bool) {
	v, present := t.m[k]
	if !present {
		return "", false
	}
	s, ok = v.(string)
	if !ok {
		t.errf(k, " = %s: want a string, got %s", show(v), kind(v))
	}
	return s, ok
}

// required returns the non-empty string at k, reporting its absence
// at the table's line.
func (t *table) required(k string) (string, bool) {
	if _, present := t.m[k]; !present {
		t.probs.addf(t.here(), t.scope, "%s: required", t.key(k))
		return "", false
	}
	s, ok := t.str(k)
	if ok && s == "" {
		t.errf(k, ": must not be empty")
		return "", false
	}
	return s, ok
}

// integer returns the integer at k, def if k is absent, and reports
// values outside lo..hi.
func (t *table) integer(k string, def, lo, hi int64) int64 {
	v, present := t.m[k]
	if !present {
		return def
	}
	n, ok := v.(int64)
	if !ok {
		t.errf(k, " = %s: want an integer in %d to %d, got %s",
			show(v), lo, hi, kind(v))
		return def
	}
	if n < lo || n > hi {
		t.errf(k, " = %d: allowed %d to %d", n, lo, hi)
		return def
	}
	return n
}

// item is one string element of an array, with its index and line.
type item struct {
	value string
	index int
	line  int
}

// stringList returns the string elements of the array at k, or def
// (with no lines) if k is absent. An empty array is a problem, and so
// is an element that is not a string.
func (t *table) stringList(k string, def []string) []item {
	v, present := t.m[k]
	if !present {
		return items(def)
	}
	arr, ok := v.([]any)
	if !ok {
		t.errf(k, " = %s: want an array of strings, got %s",
			show(v), kind(v))
		return items(def)
	}
	if len(arr) == 0 {
		t.errf(k, ": must not be empty")
	}
	var out []item
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			t.elemf(k, i, " = %s: want a string, got %s", show(e), kind(e))
			continue
		}
		out = append(out, item{s, i, t.elemLine(k, i)})
	}
	return out
}

// items wraps default strings as items that no line wrote.
func items(def []string) []item {
	out := make([]item, len(def))
	for i, s := range def {
		out[i] = item{s, i, 0}
	}
	return out
}

// elemLine is the line of element i of the array at k.
func (t *table) elemLine(k string, i int) int {
	return t.probs.pos.line(append(slices.Clip(t.path), k, strconv.Itoa(i)))
}

// elemf reports a problem with element i of the array at k.
func (t *table) elemf(k string, i int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	t.probs.addf(t.elemLine(k, i), t.scope, "%s[%d]%s", t.key(k), i, msg)
}

// sub returns the table at k, or nil if k is absent or not a table.
func (t *table) sub(k string) *table {
	v, present := t.m[k]
	if !present {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.errf(k, " = %s: want a table, got %s", show(v), kind(v))
		return nil
	}
	return &table{t.probs, t.scope, t.key(k),
		append(slices.Clip(t.path), k), m}
}

// list returns the tables of the array at k, written as [[k]] or as
// an array of inline tables; nil if k is absent.
func (t *table) list(k string) []*table {
	v, present := t.m[k]
	if !present {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.errf(k, " = %s: want an array of tables ([[%s]]), got %s",
			show(v), t.key(k), kind(v))
		return nil
	}
	var out []*table
	for i, e := range arr {
		m, ok := e.(map[string]any)
		if !ok {
			t.elemf(k, i, " = %s: want a table, got %s", show(e), kind(e))
			continue
		}
		idx := strconv.Itoa(i)
		out = append(out, &table{t.probs, t.scope,
			fmt.Sprintf("%s[%d]", t.key(k), i),
			append(slices.Clip(t.path), k, idx), m})
	}
	return out
}

// kind names a decoded value's TOML type.
func kind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	case time.Time, toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return "a date or time"
	}
	return fmt.Sprintf("a %T", v)
}

// show renders a decoded value briefly, the way the file spells it.
func show(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return fmt.Sprint(v)
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	case []any:
		return "[...]"
	case map[string]any:
		return "{...}"
	}
	return fmt.Sprint(v)
}
