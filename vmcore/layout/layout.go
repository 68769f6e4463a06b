package layout

import (
	"fmt"
	"strings"
)

// PageSize is the granule of every region and offset.
const PageSize = 4096

// Fixed guest-physical addresses.
const (
	// SnapshotBase is the first byte of the snapshot region; the
	// pages below it stay unmapped so that null accesses fault.
	SnapshotBase = 0x4000

	// PhysTop is one past the last byte of the 36-bit guest physical
	// space; the scratch region ends here.
	PhysTop = 0x10_0000_0000

	// PEBSize is the room reserved for the process environment block.
	PEBSize = PageSize

	// MaxTotal caps the memory of one sandbox (both base regions).
	MaxTotal = 16 << 30
)

// Field names a configured layout field. The names are the ones
// scenario files, errors and reports use.
type Field string

// The seven configured fields, in the order reports list them.
const (
	InputSize     Field = "input_size"
	OutputSize    Field = "output_size"
	HeapSize      Field = "heap_size"
	CodeSize      Field = "code_size"
	InitDataSize  Field = "init_data_size"
	InitDataPerms Field = "init_data_perms"
	ScratchSize   Field = "scratch_size"
)

// Fields lists the configured fields in report order.
var Fields = []Field{
	InputSize, OutputSize, HeapSize, CodeSize,
	InitDataSize, InitDataPerms, ScratchSize,
}

// FieldList renders the configured field names for messages:
// "input_size, output_size, ...".
func FieldList() string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// Layout is a sandbox's memory layout: seven configured fields and
// the two sizes that snapshot compaction produces.
type Layout struct {
	InputSize     uint64
	OutputSize    uint64
	HeapSize      uint64
	CodeSize      uint64
	InitDataSize  uint64
	InitDataPerms Perms
	ScratchSize   uint64

	// SnapshotSize is the guest-visible length of the snapshot
	// region; PTSize is the length of the page tables behind it.
	SnapshotSize uint64
	PTSize       uint64
}

// Default returns the layout the lab treats as typical: 128 KiB heap,
// 16 KiB input and output, 288 KiB scratch, 64 KiB code, 4 KiB of
// read-only init data. SnapshotSize and PTSize are filled in.
func Default() Layout {
	l := Layout{
		InputSize:     16 << 10,
		OutputSize:    16 << 10,
		HeapSize:      128 << 10,
		CodeSize:      64 << 10,
		InitDataSize:  4 << 10,
		InitDataPerms: PermRead,
		ScratchSize:   288 << 10,
	}
	return l.WithOutputs()
}

// WithOutputs returns l with SnapshotSize and PTSize computed from
// the configured fields, as compaction would record them.
func (l Layout) WithOutputs() Layout {
	l.SnapshotSize = l.GuestVisibleSize()
	l.PTSize = l.PageTableSize()
	return l
}

// Get returns the value of a configured field as a number; perms are
// returned as their bit set.
func (l Layout) Get(f Field) uint64 {
	switch f {
	case InputSize:
		return l.InputSize
	case OutputSize:
		return l.OutputSize
	case HeapSize:
		return l.HeapSize
	case CodeSize:
		return l.CodeSize
	case InitDataSize:
		return l.InitDataSize
	case InitDataPerms:
		return uint64(l.InitDataPerms)
	case ScratchSize:
		return l.ScratchSize
	}
	panic(fmt.Sprintf("layout: unknown field %q", f))
}

// Set returns l with a configured field replaced. Outputs are not
// recomputed; call WithOutputs.
func (l Layout) Set(f Field, v uint64) Layout {
	switch f {
	case InputSize:
		l.InputSize = v
	case OutputSize:
		l.OutputSize = v
	case HeapSize:
		l.HeapSize = v
	case CodeSize:
		l.CodeSize = v
	case InitDataSize:
		l.InitDataSize = v
	case InitDataPerms:
		l.InitDataPerms = Perms(v)
	case ScratchSize:
		l.ScratchSize = v
	default:
		panic(fmt.Sprintf("layout: unknown field %q", f))
	}
	return l
}

// Format renders a configured field's value the way people write it.
func (l Layout) Format(f Field) string {
	if f == InitDataPerms {
		return l.InitDataPerms.String()
	}
	return FormatSize(l.Get(f))
}

// Diff lists the configured fields whose values differ between l and
// o, in report order.
func (l Layout) Diff(o Layout) []Field {
	var d []Field
	for _, f := range Fields {
		if l.Get(f) != o.Get(f) {
			d = append(d, f)
		}
	}
	return d
}
