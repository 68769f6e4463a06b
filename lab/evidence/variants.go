package evidence

import (
	"snaplab/vmcore/layout"
)

// Variant is one snapshot layout that differs from the default in a
// single field.
type Variant struct {
	Field  layout.Field
	Change string // "grow", "shrink" or, for perms, the new perms
	Layout layout.Layout
}

// Name is the variant's name in tables: "heap_size-grow".
func (v Variant) Name() string { return string(v.Field) + "-" + v.Change }

// Variants lists the cross-layout matrix: every configured field
// grown and shrunk from layout.Default(); init data permissions,
// which have no size, are widened to rw and to rx instead.
func Variants() []Variant {
	d := layout.Default()
	sized := []struct {
		f           layout.Field
		grow, shrnk uint64
	}{
		{layout.InputSize, 32 << 10, 8 << 10},
		{layout.OutputSize, 32 << 10, 8 << 10},
		{layout.HeapSize, 256 << 10, 64 << 10},
		{layout.CodeSize, 128 << 10, 32 << 10},
		{layout.InitDataSize, 8 << 10, 0},
		{layout.ScratchSize, 576 << 10, 192 << 10},
	}
	var vs []Variant
	for _, s := range sized {
		vs = append(vs,
			Variant{s.f, "grow", d.Set(s.f, s.grow).WithOutputs()},
			Variant{s.f, "shrink", d.Set(s.f, s.shrnk).WithOutputs()})
		if s.f == layout.InitDataSize {
			for _, p := range []layout.Perms{
				layout.PermRead | layout.PermWrite,
				layout.PermRead | layout.PermExec} {
				vs = append(vs, Variant{layout.InitDataPerms, p.String(),
					d.Set(layout.InitDataPerms, uint64(p)).WithOutputs()})
			}
		}
	}
	return vs
}
