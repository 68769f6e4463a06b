package scenario

import (
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// positions maps the path of every key, table header and array
// element in a file to the line it is written on. A path is the chain
// of keys from the top of the document, with array elements (also
// those of [[array tables]]) named by their decimal index, so that
// the third [[case]]'s heap override is "case", "2", "source",
// "heap_size".
//
// The decoded tree does not remember where its values came from; this
// index, built from the same grammar in a second pass, does.
type positions struct {
	lines    map[string]int
	newlines []int // offsets of every '\n', for offset-to-line lookups
}

// pathKey joins a path into a map key; NUL cannot occur in a key
// that reached us, so the join is unambiguous enough for an index.
func pathKey(path []string) string { return strings.Join(path, "\x00") }

// line returns the line of path or, if path itself was never written
// (a default, an implicit table), of its nearest written ancestor.
// It returns 0 when nothing along the path was written.
func (p *positions) line(path []string) int {
	for n := len(path); n > 0; n-- {
		if l, ok := p.lines[pathKey(path[:n])]; ok {
			return l
		}
	}
	return 0
}

// index reads data's syntax tree and records the line of everything
// in it. A syntax error stops the walk; the decoder reports it.
func index(data []byte) *positions {
	pos := &positions{lines: map[string]int{}}
	for i, c := range data {
		if c == '\n' {
			pos.newlines = append(pos.newlines, i)
		}
	}

	var p unstable.Parser
	p.Reset(data)
	arrays := map[string]int{} // array-table path to elements so far
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			keys, line := pos.keyParts(e.Key())
			table = resolve(keys, arrays, e.Kind == unstable.ArrayTable)
			pos.setAll(table, line)
		case unstable.KeyValue:
			pos.keyValue(table, e)
		}
	}
	return pos
}

// resolve turns a table header's keys into a path. A key naming an
// array of tables refers to its last element; the header of an
// [[array table]] appends a new one.
func resolve(keys []string, arrays map[string]int, appendElem bool) []string {
	var path []string
	for i, k := range keys {
		path = append(path, k)
		at := pathKey(path)
		n, isArray := arrays[at]
		if i == len(keys)-1 && appendElem {
			n++
			arrays[at] = n
			isArray = true
		}
		if isArray {
			path = append(path, strconv.Itoa(n-1))
		}
	}
	return path
}

// keyValue records a key = value expression under the table path.
func (pos *positions) keyValue(table []string, kv *unstable.Node) {
	keys, line := pos.keyParts(kv.Key())
	path := append(append([]string(nil), table...), keys...)
	pos.setAll(path, line)
	pos.value(path, kv.Value(), line)
}

// value records the insides of arrays and inline tables.
func (pos *positions) value(path []string, v *unstable.Node, line int) {
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				pos.keyValue(path, kv)
			}
		}
	case unstable.Array:
		i := 0
		it := v.Children()
		for it.Next() {
			elem := it.Node()
			if elem.Kind == unstable.Comment {
				continue
			}
			at := append(append([]string(nil), path...), strconv.Itoa(i))
			l := pos.nodeLine(elem, line)
			pos.setAll(at, l)
			pos.value(at, elem, l)
			i++
		}
	}
}

// keyParts returns the parts of a dotted key and the line it is on.
func (pos *positions) keyParts(it unstable.Iterator) ([]string, int) {
	var keys []string
	line := 0
	for it.Next() {
		k := it.Node()
		if line == 0 {
			line = pos.at(int(k.Raw.Offset))
		}
		keys = append(keys, string(k.Data))
	}
	return keys, line
}

// nodeLine is the line a value starts on. Arrays carry no range of
// their own; they take their first element's line, or fallback.
func (pos *positions) nodeLine(n *unstable.Node, fallback int) int {
	if n.Raw.Length > 0 {
		return pos.at(int(n.Raw.Offset))
	}
	if n.Kind == unstable.Array {
		if c := n.Child(); c.Valid() {
			return pos.nodeLine(c, fallback)
		}
	}
	return fallback
}

// setAll records line for path and for those of its prefixes that
// have no line yet: a dotted key or a header defines its parents.
func (pos *positions) setAll(path []string, line int) {
	for n := 1; n <= len(path); n++ {
		k := pathKey(path[:n])
		if _, ok := pos.lines[k]; !ok || n == len(path) {
			pos.lines[k] = line
		}
	}
}

// at converts a byte offset into a 1-based line number.
func (pos *positions) at(offset int) int {
	return sort.SearchInts(pos.newlines, offset) + 1
}
