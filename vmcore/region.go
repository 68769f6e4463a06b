package vmcore

import (
	"fmt"
	"math/bits"

	"golang.org/x/sys/unix"

	"snaplab/vmcore/kvm"
	"snaplab/vmcore/layout"
)

// region is the writable snapshot region of the copy, dirty and
// host-cow techniques: the guest writes it in place, and restore puts
// it back from the blob.
type region struct {
	tech   Technique
	mem    []byte
	bitmap []uint64 // dirty technique: one bit per page
}

// newRegion builds the writable view of blob b's first size bytes: a
// private copy for copy and dirty, a private mapping of the memfd for
// host-cow.
func newRegion(t Technique, b *blob, size uint64) (*region, error) {
	r := &region{tech: t}
	var err error
	if t == HostCoW {
		r.mem, err = unix.Mmap(b.fd, 0, int(size),
			unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE)
	} else {
		r.mem, err = unix.Mmap(-1, 0, int(size),
			unix.PROT_READ|unix.PROT_WRITE,
			unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE)
	}
	if err != nil {
		return nil, fmt.Errorf("map %v region of %s: %w", t,
			layout.FormatSize(size), err)
	}
	if t != HostCoW {
		copy(r.mem, b.mem[:size])
	}
	if t == Dirty {
		pages := size / layout.PageSize
		r.bitmap = make([]uint64, (pages+63)/64)
	}
	return r, nil
}

func (r *region) free() {
	if r != nil && r.mem != nil {
		unix.Munmap(r.mem)
		r.mem = nil
	}
}

// reset puts the region back to blob b's bytes.
func (r *region) reset(vm *kvm.VM, b *blob) error {
	switch r.tech {
	case Copy:
		copy(r.mem, b.mem[:len(r.mem)])
	case Dirty:
		if err := vm.DirtyLog(slotSnapshot, r.bitmap); err != nil {
			return err
		}
		for i, w := range r.bitmap {
			for w != 0 {
				page := uint64(i*64 + bits.TrailingZeros64(w))
				off := page * layout.PageSize
				copy(r.mem[off:off+layout.PageSize],
					b.mem[off:off+layout.PageSize])
				w &= w - 1
			}
		}
	case HostCoW:
		if err := unix.Madvise(r.mem, unix.MADV_DONTNEED); err != nil {
			return fmt.Errorf("madvise region: %w", err)
		}
	}
	return nil
}
