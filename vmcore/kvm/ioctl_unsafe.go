package kvm

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ioctl issues one request with an integer argument, retrying when a
// signal interrupted it.
func ioctl(fd int, req uintptr, arg uintptr) (uintptr, error) {
	for {
		r, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), req, arg)
		if errno == unix.EINTR {
			continue
		}
		if errno != 0 {
			return r, errno
		}
		return r, nil
	}
}

// ioctlp issues a request whose argument is a pointer. It takes an
// unsafe.Pointer, not a uintptr, so that the pointee stays valid if
// the stack moves before the system call.
func ioctlp(fd int, req uintptr, p unsafe.Pointer) (uintptr, error) {
	for {
		r, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), req,
			uintptr(p))
		if errno == unix.EINTR {
			continue
		}
		if errno != 0 {
			return r, errno
		}
		return r, nil
	}
}

// ioctl0 issues a request once, with no argument and no retry:
// KVM_RUN's EINTR is a result the caller acts on.
func ioctl0(fd int, req uintptr) (uintptr, error) {
	r, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), req, 0)
	if errno != 0 {
		return r, errno
	}
	return r, nil
}

// ioctlPtr issues a request whose argument is a pointer to v.
func ioctlPtr[T any](fd int, req uintptr, v *T) error {
	_, err := ioctlp(fd, req, unsafe.Pointer(v))
	return err
}

// ioctlEntries issues a request whose argument is a kernel structure
// made of a fixed head followed by entries (kvm_msrs, kvm_cpuid2 and
// the like). The entries and the head are copied back afterwards.
func ioctlEntries[H, E any](fd int, req uintptr, head H,
	entries []E) (H, error) {
	head, _, err := ioctlEntriesN(fd, req, head, entries)
	return head, err
}

// ioctlEntriesN is ioctlEntries that also returns the request's
// result, which KVM_GET_MSRS and KVM_SET_MSRS use as a count.
func ioctlEntriesN[H, E any](fd int, req uintptr, head H,
	entries []E) (H, int, error) {
	hs := unsafe.Sizeof(head)
	var e E
	es := unsafe.Sizeof(e)
	buf := make([]uint64, (hs+es*uintptr(len(entries))+7)/8+1)
	p := unsafe.Pointer(&buf[0])
	*(*H)(p) = head
	for i := range entries {
		*(*E)(unsafe.Add(p, hs+es*uintptr(i))) = entries[i]
	}
	r, err := ioctlp(fd, req, p)
	head = *(*H)(p)
	for i := range entries {
		entries[i] = *(*E)(unsafe.Add(p, hs+es*uintptr(i)))
	}
	return head, int(r), err
}

// DirtyLog fetches and clears the dirty bitmap of a slot that was
// created with MemLogDirtyPages. bitmap needs a bit per page.
func (vm *VM) DirtyLog(slot uint32, bitmap []uint64) error {
	d := kvmDirtyLog{Slot: slot,
		Bitmap: uint64(uintptr(unsafe.Pointer(&bitmap[0])))}
	if err := ioctlPtr(vm.fd, reqGetDirtyLog, &d); err != nil {
		return fmt.Errorf("KVM_GET_DIRTY_LOG slot %d: %w", slot, err)
	}
	return nil
}

// HostAddr is the host virtual address of a mapping's first byte.
func HostAddr(mem []byte) uint64 {
	return uint64(uintptr(unsafe.Pointer(&mem[0])))
}
