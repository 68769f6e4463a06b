package vmcore_test

import (
	"strings"
	"testing"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
)

// TestAttackCopiedSnapshotReleaseFreesMappedBlob: Snapshot is a plain
// struct with exported fields, and copying it is the documented way to
// craft one (restore_test.go does `bad := *sn`). But the blob's
// reference is counted per Release call, not per handle: releasing a
// copy and the original drops two references for one, so the blob is
// unmapped while a sandbox still has it in its read-only KVM slot. The
// slot then points at freed host memory; the next blob the process
// maps can land at the same address, and the first sandbox's guest
// reads another sandbox's memory through it.
func TestAttackCopiedSnapshotReleaseFreesMappedBlob(t *testing.T) {
	needKVM(t)
	const secret = 0x5ec2e7_5ec2e7_0042
	heap := layout.Default().HeapSize

	a := newSandbox(t, vmcore.Config{})
	donor := newSandbox(t, vmcore.Config{})
	// Another tenant of the process, made before the release: it
	// writes a secret into its heap.
	v := newSandbox(t, vmcore.Config{})
	if err := v.Touch(0, 32, 1, secret); err != nil {
		t.Fatal(err)
	}
	sn, err := donor.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	restore(t, a, sn)
	if n, err := a.Scan(secret); err != nil || n != 0 {
		t.Fatalf("scan before: %d, %v", n, err)
	}
	sum0, _ := a.Checksum(0, heap)

	cp := *sn // a crafted (here: unchanged) copy, released by its user
	cp.Release()
	sn.Release()

	// The other tenant snapshots a few times: each compaction maps a
	// new blob of the same size, and the kernel soon places one in
	// the hole just freed (here: the second).
	for range 8 {
		snapshot(t, v)
	}

	n, err := a.Scan(secret)
	sum1, err2 := a.Checksum(0, heap)
	t.Logf("sandbox a after its blob was released twice: scan found "+
		"the other tenant's secret %d times (err %v); heap checksum "+
		"%#x -> %#x (err %v); status %v", n, err, sum0, sum1, err2,
		a.Status())
	if n != 0 {
		t.Errorf("sandbox a's guest reads another sandbox's snapshot: "+
			"secret found %d times in its own snapshot region", n)
	}
	if err != nil || err2 != nil || sum1 != sum0 {
		t.Errorf("sandbox a's memory changed under it after Release of "+
			"a copy and the original: scan err %v, checksum %#x -> %#x "+
			"(err %v)", err, sum0, sum1, err2)
	}
}

// TestAttackCopiedSnapshotReleaseCrashesSnapshot: after the double
// release above, Snapshot() on the sandbox that still maps the blob
// slices the freed blob's nil memory on the vCPU thread: a panic no
// caller can recover, which kills the process.
func TestAttackCopiedSnapshotReleaseCrashesSnapshot(t *testing.T) {
	const name = "TestAttackCopiedSnapshotReleaseCrashesSnapshot"
	if inChild(name) {
		a, err := vmcore.New(vmcore.Config{})
		if err != nil {
			t.Fatal(err)
		}
		sn, err := a.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Restore(sn, adopt{}); err != nil {
			t.Fatal(err)
		}
		cp := *sn
		cp.Release()
		sn.Release()
		_, err = a.Snapshot()
		t.Logf("child: Snapshot after double release: %v", err)
		_, err = a.GuestView()
		t.Logf("child: GuestView after double release: %v", err)
		a.Close()
		return
	}
	needKVM(t)
	out, ok := runChild(t, name, 30*time.Second)
	if !ok {
		i := strings.Index(out, "panic")
		if i < 0 {
			i = 0
		}
		t.Fatalf("Snapshot() of a sandbox whose blob a copied handle "+
			"released crashed the process:\n%s", firstLines(out[i:], 12))
	}
}
