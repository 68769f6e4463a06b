package scenario

import (
	"strings"
	"testing"
)

func TestPositions(t *testing.T) {
	src := `a = 1                       # 1
b.c = "x"                   # 2
arr = [                     # 3
  "one",                    # 4
  [5, 6],                   # 5
  { k = 1 },                # 6
]
inline = [{ x = 1 },        # 8
          { x = 2 }]        # 9
[t]                         # 10
u = 1                       # 11
[[case]]                    # 12
name = "a"                  # 13
[[case]]                    # 14
name = "b"                  # 15
[case.source]               # 16
heap_size = 1               # 17
[pool]                      # 18
[[pool.tenant]]             # 19
[[pool.tenant]]             # 20
heap_size = 2               # 21
multi = { p = 1,
  q = 2 }                   # 23
`
	pos := index([]byte(src))
	cases := []struct {
		path string
		want int
	}{
		{"a", 1},
		{"b", 2},
		{"b.c", 2},
		{"arr", 3},
		{"arr.0", 4},
		{"arr.1", 5},
		{"arr.1.1", 5},
		{"arr.2.k", 6},
		{"inline.1.x", 9},
		{"t", 10},
		{"t.u", 11},
		{"t.missing", 10}, // falls back to the table
		{"case.0", 12},
		{"case.0.name", 13},
		{"case.1.name", 15},
		{"case.1.source", 16},
		{"case.1.source.heap_size", 17},
		{"pool.tenant.0", 19},
		{"pool.tenant.1.heap_size", 21},
		{"pool.tenant.1.multi.q", 23},
		{"nowhere", 0},
	}
	for _, c := range cases {
		if got := pos.line(strings.Split(c.path, ".")); got != c.want {
			t.Errorf("%s: line %d, want %d", c.path, got, c.want)
		}
	}
}
