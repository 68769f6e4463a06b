package scenario

import (
	"errors"
	"strings"
	"testing"

	"snaplab/vmcore/layout"
)

// head is the top of a valid file, three lines long, so that the line
// numbers below count from 4.
const head = `name = "t"
description = "test"
samples = 3
`

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want []string // every line of the joined error, in order
	}{{
		name: "layout field out of range, from a case override",
		src: head + `
[[case]]
name = "heap-grow"
source = { heap_size = "5000B" }
`,
		want: []string{`t.toml:7: case "heap-grow": source.heap_size = ` +
			`5000B: allowed a multiple of 4KiB in 4KiB to 15GiB`},
	}, {
		name: "bad value in [source] is said once, at its own line",
		src: head + `[source]
input_size = 0
[[case]]
name = "a"
[[case]]
name = "b"
`,
		want: []string{`t.toml:5: case "a": source.input_size = 0B: ` +
			`allowed 4KiB to 256MiB`},
	}, {
		name: "scratch too small for a grown heap, in a target",
		src: head + `[[case]]
name = "big"
target = { heap_size = "256MiB" }
`,
		want: []string{`t.toml:4: case "big": target.scratch_size = ` +
			`288KiB: allowed at least 616KiB for this layout ` +
			`(input + output + 536KiB of page tables + 12 pages)`},
	}, {
		name: "bad unit and wrong types",
		src: head + `[source]
heap_size = "16KB"
code_size = 1.5
init_data_perms = 7
[[case]]
name = "a"
`,
		want: []string{
			`t.toml:5: source.heap_size: size "16KB": want a whole ` +
				`number with an optional unit B, KiB, MiB or GiB`,
			`t.toml:6: source.code_size: want a size such as ` +
				`"128KiB" or a number of bytes, got a float`,
			`t.toml:7: source.init_data_perms: want "r", "rw", "rx" ` +
				`or "rwx", got an integer`,
		},
	}, {
		name: "unknown keys at every level",
		src: head + `colour = "blue"
[workload]
dirty = 3
[[case]]
name = "a"
source = { heap = "1MiB" }
`,
		want: []string{
			`t.toml:4: colour: unknown key (allowed: name, ` +
				`description, samples, strategies, mems, workload, ` +
				`source, target, case, sweep, pool)`,
			`t.toml:6: workload.dirty: unknown key (allowed: ` +
				`dirty_pages, echo_bytes, calls)`,
			`t.toml:9: case "a": source.heap: unknown key (allowed: ` +
				`input_size, output_size, heap_size, code_size, ` +
				`init_data_size, init_data_perms, scratch_size)`,
		},
	}, {
		name: "scalar ranges",
		src: `name = "t"
description = "test"
samples = 0
[workload]
dirty_pages = 5000
calls = "one"
[[case]]
name = "a"
`,
		want: []string{
			`t.toml:3: samples = 0: allowed 1 to 1000`,
			`t.toml:5: workload.dirty_pages = 5000: allowed 0 to 4096`,
			`t.toml:6: workload.calls = "one": want an integer in ` +
				`0 to 1000, got a string`,
		},
	}, {
		name: "echo larger than the smallest buffer",
		src: head + `[workload]
echo_bytes = 8100
[[case]]
name = "a"
[[case]]
name = "small"
source = { output_size = "8KiB" }
`,
		want: []string{`t.toml:5: workload.echo_bytes = 8100: allowed ` +
			`0 to 8064 (case "small" source: the smaller of ` +
			`input_size and output_size, 8KiB, minus a 128-byte header)`},
	}, {
		name: "strategies and mems",
		src: head + `strategies = ["strict", "subset:", "subset:heap",
  "subset:heap_size,heap_size", "adopt", "adopt", "copy"]
mems = ["guest-cow", "snapshot-free"]
[[case]]
name = "a"
`,
		want: []string{
			`t.toml:4: strategies[1]: strategy "subset:": name at ` +
				`least one field after the colon, or write plain subset`,
			`t.toml:4: strategies[2]: strategy "subset:heap": ` +
				`unknown field "heap" (allowed: input_size, ` +
				`output_size, heap_size, code_size, init_data_size, ` +
				`init_data_perms, scratch_size)`,
			`t.toml:5: strategies[3]: strategy ` +
				`"subset:heap_size,heap_size": field "heap_size" repeated`,
			`t.toml:5: strategies[5] = "adopt": listed twice`,
			`t.toml:5: strategies[6]: strategy "copy": allowed ` +
				`strict, subset, subset:FIELD[,FIELD...], adopt or ` +
				`adopt-remap-first`,
			`t.toml:6: mems[1] = "snapshot-free": allowed guest-cow, ` +
				`guest-cow-memset, guest-cow-threshold, copy, dirty ` +
				`or host-cow`,
		},
	}, {
		name: "names",
		src: `name = "a/b"
description = "test"
[[case]]
name = "heap-16"
[[case]]
[[case]]
name = "same"
[[case]]
name = "same"
`,
		want: []string{
			`t.toml:1: name = "a/b": character '/' not allowed ` +
				`(allowed: A-Z a-z 0-9 . _ : + -)`,
			`t.toml:4: case[0]: name = "heap-16": must not end in ` +
				`"-<digits>", which benchstat reads as GOMAXPROCS ` +
				`(end in a letter, e.g. "-16B", or use "_16")`,
			`t.toml:5: case[1]: name: required`,
			`t.toml:9: case "same": name: already used by the case ` +
				`at line 7`,
		},
	}, {
		name: "missing top-level keys and no cases",
		src:  "samples = 3\n",
		want: []string{
			`t.toml: name: required`,
			`t.toml: description: required`,
			`t.toml: no cases: add a [[case]], a [[sweep]] or a [pool]`,
		},
	}, {
		name: "sweep problems",
		src: head + `[[sweep]]
name = "heap"
field = "heap_size"
side = "both"
values = ["1MiB", "1MB", -4, true]
source = { heap_size = "2MiB" }
[[sweep]]
name = "x"
field = "heap"
values = []
[[sweep]]
name = "y"
field = "code_size"
side = "sideways"
values = ["64KiB"]
`,
		want: []string{
			`t.toml:8: sweep "heap": values[1]: size "1MB": want a ` +
				`whole number with an optional unit B, KiB, MiB or GiB`,
			`t.toml:8: sweep "heap": values[2]: size -4: must not ` +
				`be negative`,
			`t.toml:8: sweep "heap": values[3]: want a size such as ` +
				`"128KiB" or a number of bytes, got a boolean`,
			`t.toml:9: sweep "heap": source.heap_size: also set by ` +
				`the sweep's values (side = "both"); drop one`,
			`t.toml:12: sweep "x": field = "heap": allowed ` +
				`input_size, output_size, heap_size, code_size, ` +
				`init_data_size, init_data_perms, scratch_size`,
			`t.toml:17: sweep "y": side = "sideways": allowed ` +
				`source, target or both`,
		},
	}, {
		name: "pool problems",
		src: head + `[pool]
sandboxes = 65
seed = "seven"
[[pool.tenant]]
heap_size = "1MiB"
[[pool.tenant]]
heap_size = "5000B"
`,
		want: []string{
			`t.toml:4: pool.restores: required`,
			`t.toml:5: pool.sandboxes = 65: allowed 1 to 64`,
			`t.toml:6: pool.seed = "seven": want an integer in ` +
				`-9223372036854775808 to 9223372036854775807, got a string`,
			`t.toml:10: pool.tenant[1].heap_size = 5000B: allowed a ` +
				`multiple of 4KiB in 4KiB to 15GiB`,
		},
	}, {
		name: "pool without tenants",
		src: head + `[pool]
sandboxes = 2
restores = 10
tenant = []
`,
		want: []string{`t.toml:7: pool.tenant: at least one ` +
			`[[pool.tenant]] required`},
	}, {
		name: "invalid TOML",
		src:  head + "[[case]]\nname = \"a\"\nname = \"b\"\n",
		want: []string{`t.toml:6: invalid TOML: key name is ` +
			`already defined`},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Parse("t.toml", []byte(c.src))
			if err == nil {
				t.Fatalf("accepted: %+v", s)
			}
			if s != nil {
				t.Errorf("returned a scenario with the error")
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s",
					strings.Join(got, "\n\t"),
					strings.Join(c.want, "\n\t"))
			}
		})
	}
}

func TestErrorsUnwrapToFieldError(t *testing.T) {
	_, err := Parse("t.toml", []byte(head+`[[case]]
name = "a"
target = { scratch_size = "12KiB" }
`))
	var se *Error
	if !errors.As(err, &se) || se.File != "t.toml" || se.Line != 6 ||
		se.Scope != `case "a"` {
		t.Fatalf("got %#v from %v", se, err)
	}
	var fe *layout.FieldError
	if !errors.As(err, &fe) || fe.Field != layout.ScratchSize ||
		fe.Value != "12KiB" {
		t.Fatalf("got %#v from %v", fe, err)
	}
}
