package vmcore_test

import (
	"testing"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

var techniques = []vmcore.Technique{vmcore.GuestCoW, vmcore.Copy,
	vmcore.Dirty, vmcore.HostCoW}

// TestTechniquesRestoreMemory runs the memory checks under every
// technique: writes are undone by restore, a snapshot keeps the
// writes made before it, a marker written everywhere is gone after
// restore, and a cross-layout restore lands.
func TestTechniquesRestoreMemory(t *testing.T) {
	heap := layout.Default().HeapSize
	for _, tech := range techniques {
		t.Run(tech.String(), func(t *testing.T) {
			s := newSandbox(t, vmcore.Config{Technique: tech})
			if err := s.Touch(5, 2, 1, 0x1111); err != nil {
				t.Fatal(err)
			}
			want, _ := s.Checksum(0, heap)
			sn := snapshot(t, s)

			if err := s.Touch(0, 16, 2, 0xabab); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Checksum(0, heap); got == want {
				t.Fatal("touch changed nothing")
			}
			restore(t, s, sn)
			if got, _ := s.Checksum(0, heap); got != want {
				t.Fatalf("heap %#x after restore, snapshot had %#x", got, want)
			}

			const marker = 0x7465636863686b21
			if _, err := s.Fill(marker); err != nil {
				t.Fatal(err)
			}
			restore(t, s, sn)
			if n, err := s.Scan(marker); err != nil || n != 0 {
				t.Fatalf("marker found %d times after restore (%v)", n, err)
			}

			big := layout.Default()
			big.HeapSize, big.ScratchSize = 512<<10, 512<<10
			donor := newSandbox(t, vmcore.Config{Layout: big,
				Technique: tech})
			if err := donor.Touch(100, 1, 1, 0x2222); err != nil {
				t.Fatal(err)
			}
			dsum, _ := donor.Checksum(0, big.HeapSize)
			dsn := snapshot(t, donor)
			restore(t, s, dsn)
			if got, _ := s.Checksum(0, big.HeapSize); got != dsum {
				t.Fatalf("cross-layout heap %#x, donor had %#x", got, dsum)
			}
			restore(t, s, sn)
			if got, _ := s.Checksum(0, heap); got != want {
				t.Fatalf("back to own snapshot: heap %#x, want %#x", got, want)
			}
		})
	}
}
