package scenario

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"snaplab/vmcore/layout"
)

func mustParse(t *testing.T, src string) *Scenario {
	t.Helper()
	s, err := Parse("t.toml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

func TestDefaults(t *testing.T) {
	s := mustParse(t, `name = "d"
description = "defaults"
[[case]]
name = "same"
`)
	if s.Samples != DefaultSamples {
		t.Errorf("samples %d, want %d", s.Samples, DefaultSamples)
	}
	want := []string{"strict", "subset", "adopt", "adopt-remap-first"}
	if !slices.Equal(s.Strategies, want) {
		t.Errorf("strategies %v, want %v", s.Strategies, want)
	}
	if !slices.Equal(s.Mems, []string{"guest-cow"}) {
		t.Errorf("mems %v", s.Mems)
	}
	if s.Workload != (Workload{DirtyPages: 8, EchoBytes: 64, Calls: 1}) {
		t.Errorf("workload %+v", s.Workload)
	}
	if s.Pool != nil {
		t.Errorf("pool %+v without [pool]", s.Pool)
	}
	if len(s.Cases) != 1 || s.Cases[0].Source != layout.Default() ||
		s.Cases[0].Target != layout.Default() {
		t.Errorf("cases %+v, want one same-layout default case",
			s.Cases)
	}
}

// TestSides checks how [source], [target] and a case's overrides
// combine into the two layouts.
func TestSides(t *testing.T) {
	s := mustParse(t, `name = "s"
description = "sides"
[source]
heap_size = "256KiB"
[target]
input_size = "32KiB"
[[case]]
name = "base"
[[case]]
name = "grow"
source = { heap_size = "1MiB" }
[[case]]
name = "both"
source = { code_size = 8192 }
target = { code_size = "8KiB", input_size = "16KiB" }
`)
	base := layout.Default().Set(layout.HeapSize, 256<<10)
	baseTarget := base.Set(layout.InputSize, 32<<10)
	want := []Case{
		{"base", "", base, baseTarget},
		{"grow", "", base.Set(layout.HeapSize, 1<<20), baseTarget},
		{"both", "", base.Set(layout.CodeSize, 8<<10),
			base.Set(layout.CodeSize, 8<<10)},
	}
	for i := range want {
		want[i].Source = want[i].Source.WithOutputs()
		want[i].Target = want[i].Target.WithOutputs()
	}
	if !reflect.DeepEqual(s.Cases, want) {
		t.Errorf("got  %+v\nwant %+v", s.Cases, want)
	}
}

func TestSweepExpansion(t *testing.T) {
	s := mustParse(t, `name = "sw"
description = "sweeps"
[[case]]
name = "first"
[[sweep]]
name = "heap"
field = "heap_size"
values = ["128KiB", 1048576, "16 MiB"]
source = { scratch_size = "2MiB" }
target = { scratch_size = "2MiB" }
[[case]]
name = "middle"
[[sweep]]
name = "perms"
field = "init_data_perms"
side = "source"
values = ["rw", "rx"]
[[sweep]]
name = "in"
field = "input_size"
side = "target"
values = ["64KiB"]
`)
	def := layout.Default()
	big := def.Set(layout.ScratchSize, 2<<20)
	heap := func(n uint64) layout.Layout {
		return big.Set(layout.HeapSize, n)
	}
	want := []Case{
		{"first", "", def, def},
		{"heap-128KiB", "heap", heap(128 << 10), heap(128 << 10)},
		{"heap-1MiB", "heap", heap(1 << 20), heap(1 << 20)},
		{"heap-16MiB", "heap", heap(16 << 20), heap(16 << 20)},
		{"middle", "", def, def},
		{"perms-rw", "perms", def.Set(layout.InitDataPerms,
			uint64(layout.PermRead|layout.PermWrite)), def},
		{"perms-rx", "perms", def.Set(layout.InitDataPerms,
			uint64(layout.PermRead|layout.PermExec)), def},
		{"in-64KiB", "in", def, def.Set(layout.InputSize, 64<<10)},
	}
	for i := range want {
		want[i].Source = want[i].Source.WithOutputs()
		want[i].Target = want[i].Target.WithOutputs()
	}
	if len(s.Cases) != len(want) {
		t.Fatalf("%d cases, want %d: %+v", len(s.Cases), len(want),
			s.Cases)
	}
	for i, c := range s.Cases {
		if c != want[i] {
			t.Errorf("case %d:\n got  %+v\n want %+v", i, c, want[i])
		}
	}
}

// TestSweepValueNames checks that a bare byte count still makes a
// valid case name, and that the case's problems point at the value.
func TestSweepValueNames(t *testing.T) {
	_, err := Parse("t.toml", []byte(head+`[[sweep]]
name = "heap"
field = "heap_size"
values = [
  "128KiB",
  16,
]
`))
	want := `t.toml:9: case "heap-16B": source.heap_size = 16B: ` +
		`allowed a multiple of 4KiB in 4KiB to 15GiB`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestPool(t *testing.T) {
	s := mustParse(t, `name = "p"
description = "pool"
[source]
scratch_size = "1MiB"
[pool]
sandboxes = 3
restores = 20
seed = -5
[[pool.tenant]]
[[pool.tenant]]
heap_size = "1MiB"
`)
	base := layout.Default().Set(layout.ScratchSize, 1<<20)
	want := &Pool{3, 20, -5, []layout.Layout{
		base.WithOutputs(),
		base.Set(layout.HeapSize, 1<<20).WithOutputs(),
	}}
	if !reflect.DeepEqual(s.Pool, want) || len(s.Cases) != 0 {
		t.Errorf("pool %+v, cases %v; want %+v and none",
			s.Pool, s.Cases, want)
	}
}

func TestDigest(t *testing.T) {
	src := []byte(head + "[[case]]\nname = \"a\"\n")
	a := mustParse(t, string(src))
	b := mustParse(t, string(src))
	if a.Digest != b.Digest {
		t.Errorf("digest not stable: %s, %s", a.Digest, b.Digest)
	}
	// Pinned: a digest recorded in an old result file must still
	// match the same bytes.
	if want := "sha256:889a403a24ce5480"; a.Digest != want {
		t.Errorf("digest %s, want %s", a.Digest, want)
	}
	if !regexp.MustCompile(`^sha256:[0-9a-f]{16}$`).MatchString(a.Digest) {
		t.Errorf("digest %q malformed", a.Digest)
	}
	c := mustParse(t, string(src)+"# a comment changes the bytes\n")
	if c.Digest == a.Digest {
		t.Errorf("different bytes, same digest %s", a.Digest)
	}
}

// TestScenarioFiles loads every scenario file the repository ships.
func TestScenarioFiles(t *testing.T) {
	paths, err := filepath.Glob("../../scenarios/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no files in ../../scenarios")
	}
	for _, path := range paths {
		s, err := Load(path)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if s.File != path || s.Name == "" || s.Description == "" {
			t.Errorf("%s: file %q name %q description %q",
				path, s.File, s.Name, s.Description)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if s.Digest != digest(data) {
			t.Errorf("%s: digest %s", path, s.Digest)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	if _, err := Load("testdata/no-such-file.toml"); err == nil {
		t.Error("loaded a file that does not exist")
	}
}
