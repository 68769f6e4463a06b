package vmcore

import (
	"fmt"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// blob is a snapshot's memory: the guest-visible snapshot region
// followed by the PT tail, in a memfd so that the host-cow technique
// can map private copy-on-write views of it. Once sealed it is
// read-only on the host as well, and it is shared by every sandbox
// that maps it; the last reference unmaps it.
type blob struct {
	fd      int
	mem     []byte
	size    uint64 // len(mem), kept after the unmap
	visible uint64 // bytes the snapshot slot covers
	refs    atomic.Int32
}

func newBlob(visible, ptSize uint64) (*blob, error) {
	size := int(visible + ptSize)
	fd, err := unix.MemfdCreate("snaplab-blob", unix.MFD_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("memfd for blob: %w", err)
	}
	if err := unix.Ftruncate(fd, int64(size)); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("size blob to %d bytes: %w", size, err)
	}
	mem, err := unix.Mmap(fd, 0, size, unix.PROT_READ|unix.PROT_WRITE,
		unix.MAP_SHARED)
	if err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("mmap blob of %d bytes: %w", size, err)
	}
	b := &blob{fd: fd, mem: mem, size: uint64(size), visible: visible}
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

// tryAcquire takes a reference unless the last one is already gone.
func (b *blob) tryAcquire() bool {
	for {
		n := b.refs.Load()
		if n <= 0 {
			return false
		}
		if b.refs.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

func (b *blob) release() {
	if b.refs.Add(-1) == 0 {
		unix.Munmap(b.mem)
		unix.Close(b.fd)
		b.mem = nil
	}
}
