package vmcore

import (
	"fmt"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// blob is a snapshot's memory: the guest-visible snapshot region
// followed by the PT tail. Once sealed it is read-only on the host as
// well, and it is shared by every sandbox that maps it; the last
// reference unmaps it.
type blob struct {
	mem     []byte
	visible uint64 // bytes the read-only slot covers
	refs    atomic.Int32
}

func newBlob(visible, ptSize uint64) (*blob, error) {
	mem, err := unix.Mmap(-1, 0, int(visible+ptSize),
		unix.PROT_READ|unix.PROT_WRITE,
		unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_NORESERVE)
	if err != nil {
		return nil, fmt.Errorf("mmap blob of %d bytes: %w",
			visible+ptSize, err)
	}
	b := &blob{mem: mem, visible: visible}
	b.refs.Store(1)
	return b, nil
}

// seal makes the blob read-only for the host too.
func (b *blob) seal() error {
	if err := unix.Mprotect(b.mem, unix.PROT_READ); err != nil {
		return fmt.Errorf("seal blob: %w", err)
	}
	return nil
}

// ptTail is the page tables stored behind the guest-visible part.
func (b *blob) ptTail() []byte { return b.mem[b.visible:] }

func (b *blob) acquire() { b.refs.Add(1) }

func (b *blob) release() {
	if b.refs.Add(-1) == 0 {
		unix.Munmap(b.mem)
		b.mem = nil
	}
}
