// Package kvm is a thin mirror of the Linux KVM API for x86-64: the
// ioctl numbers, the structures they take, and typed wrappers over
// /dev/kvm, a VM fd and a vCPU fd.
//
// Nothing here knows about sandboxes or snapshots. Every structure
// says which kernel structure it mirrors, and a test recomputes each
// ioctl number from its structure's size, so a layout mistake fails
// before KVM is ever opened. Pointer work is confined to *_unsafe.go.
package kvm
