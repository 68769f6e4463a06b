package vmcore

import (
	"fmt"
	"sync"

	"snaplab/vmcore/kvm"
)

var (
	sysOnce sync.Once
	sys     *kvm.System
	sysErr  error
)

// system opens /dev/kvm once for the process.
func system() (*kvm.System, error) {
	sysOnce.Do(func() { sys, sysErr = kvm.Open() })
	return sys, sysErr
}

// Available reports whether /dev/kvm can be used here, and why not.
// Tests that need KVM skip with this error's text.
func Available() error {
	s, err := system()
	if err != nil {
		return err
	}
	if s.CheckExtension(kvm.CapReadonlyMem) == 0 {
		return fmt.Errorf("/dev/kvm lacks KVM_CAP_READONLY_MEM, " +
			"which the read-only snapshot slot needs")
	}
	return nil
}

// Backend names the KVM implementation behind /dev/kvm.
func Backend() string { return kvm.Backend() }
