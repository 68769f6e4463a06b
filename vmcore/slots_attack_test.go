package vmcore_test

import (
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/kvm"
)

// TestAttackDynamicSlotNumbersRunOut: every MapRegion takes slot
// nextSlot and increments it; neither UnmapRegion nor a restore (which
// unmaps every dynamic region) ever hands a slot number back. KVM caps
// slot ids (KVM_CAP_NR_MEMSLOTS), so a long-lived sandbox that maps
// one region per tenant and restores between tenants stops being able
// to map any region at all, with no region mapped.
func TestAttackDynamicSlotNumbersRunOut(t *testing.T) {
	needKVM(t)
	sys, err := kvm.Open()
	if err != nil {
		t.Skip(err)
	}
	defer sys.Close()
	limit := sys.CheckExtension(kvm.CapNrMemslots)
	t.Logf("KVM_CAP_NR_MEMSLOTS = %d", limit)
	if limit <= 0 || limit > 70000 {
		t.Skipf("slot limit %d too large to exhaust quickly", limit)
	}
	s := newSandbox(t, vmcore.Config{})
	sn := snapshot(t, s)
	for i := 0; i < limit+8; i++ {
		r, err := s.MapRegion(0x8000_0000, 4096)
		if err != nil {
			t.Fatalf("MapRegion #%d with no region mapped (%d mapped "+
				"now): %v", i, len(s.Regions()), err)
		}
		if i%1000 == 999 {
			// Tenants change: restore unmaps every dynamic region.
			restore(t, s, sn)
			continue
		}
		if err := s.UnmapRegion(r); err != nil {
			t.Fatal(err)
		}
	}
}
