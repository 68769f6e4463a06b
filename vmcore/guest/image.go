package guest

import (
	"bytes"
	"debug/elf"
	_ "embed"
	"fmt"
)

//go:embed guest.elf
var builtin []byte

// Builtin returns the embedded guest image.
func Builtin() []byte { return builtin }

// Segment is one loadable piece of an image.
type Segment struct {
	Addr uint64 // guest address of the first byte
	Data []byte // file bytes; the rest up to MemSize is zero
	Size uint64 // size in memory
}

// Image is a guest program ready to be copied into a code region.
type Image struct {
	Entry    uint64
	Segments []Segment
	Base     uint64 // lowest address of any segment
	End      uint64 // one past the highest
}

// Load parses an ELF executable for x86-64 and checks that it is a
// static image with at least one loadable segment.
func Load(data []byte) (*Image, error) {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("guest image: %w", err)
	}
	defer f.Close()
	if f.Machine != elf.EM_X86_64 || f.Class != elf.ELFCLASS64 {
		return nil, fmt.Errorf("guest image: %v %v, want x86-64 ELF64",
			f.Machine, f.Class)
	}
	if f.Type != elf.ET_EXEC {
		return nil, fmt.Errorf("guest image: type %v, want ET_EXEC", f.Type)
	}
	img := &Image{Entry: f.Entry, Base: ^uint64(0)}
	for _, p := range f.Progs {
		if p.Type != elf.PT_LOAD || p.Memsz == 0 {
			continue
		}
		if p.Vaddr+p.Memsz < p.Vaddr {
			return nil, fmt.Errorf("guest image: segment at %#x of "+
				"%#x bytes wraps around the address space",
				p.Vaddr, p.Memsz)
		}
		if p.Filesz > p.Memsz {
			return nil, fmt.Errorf("guest image: segment at %#x has "+
				"file size %d > memory size %d", p.Vaddr, p.Filesz, p.Memsz)
		}
		buf := make([]byte, p.Filesz)
		if _, err := p.ReadAt(buf, 0); err != nil && p.Filesz > 0 {
			return nil, fmt.Errorf("guest image: segment at %#x: %w",
				p.Vaddr, err)
		}
		img.Segments = append(img.Segments,
			Segment{Addr: p.Vaddr, Data: buf, Size: p.Memsz})
		img.Base = min(img.Base, p.Vaddr)
		img.End = max(img.End, p.Vaddr+p.Memsz)
	}
	if len(img.Segments) == 0 {
		return nil, fmt.Errorf("guest image: no loadable segment")
	}
	if img.Entry < img.Base || img.Entry >= img.End {
		return nil, fmt.Errorf("guest image: entry %#x outside "+
			"[%#x, %#x)", img.Entry, img.Base, img.End)
	}
	return img, nil
}
