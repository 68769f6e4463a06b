package vmcore_test

// Attack helpers: a malicious guest image built from vmcore/guest/src
// plus evil.c, with the same Makefile flags, and a way to run a test
// that is expected to crash the process in a child process.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"snaplab/vmcore"
)

// Function numbers the evil guest adds (see evilSource).
const (
	evWrmsr    = 100 // wrmsr(a0, a1)
	evRdmsr    = 101 // result = rdmsr(a0)
	evRead     = 102 // result = *(u64*)a0
	evWrite    = 103 // *(u64*)a0 = a1
	evSetPTE   = 104 // leaf PTE of va a0 = a1; result = old PTE
	evGetPTE   = 105 // result = leaf PTE of va a0
	evRdtscp   = 106 // result = TSC_AUX as rdtscp reports it
	evLoadCR3  = 107 // cr3 = a0
	evNonzero  = 108 // result = number of non-zero words in [a0, a1)
	evForceWrt = 109 // make a0's page writable (no CoW) and write a1
)

const evilSource = `/* evil.c: a malicious tenant's extra guest functions. */
#include "guest.h"

u64 evil_dispatch(struct ctx *c, u64 fn, const u64 *a);

static void ev_wrmsr(u32 msr, u64 v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

static u64 ev_rdmsr(u32 msr)
{
	u32 lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

u64 evil_dispatch(struct ctx *c, u64 fn, const u64 *a)
{
	u64 *pte;
	u32 lo, hi, aux;
	switch (fn) {
	case 100:
		ev_wrmsr((u32)a[0], a[1]);
		return set_result(c, ST_OK, 0);
	case 101:
		return set_result(c, ST_OK, ev_rdmsr((u32)a[0]));
	case 102:
		return set_result(c, ST_OK, word(a[0]));
	case 103:
		word(a[0]) = a[1];
		return set_result(c, ST_OK, 0);
	case 104:
		pte = pte_for(a[0]);
		if (!pte)
			return set_result(c, ST_BAD_ARGUMENT, 0);
		{
			u64 old = *pte;
			*pte = a[1];
			__asm__ volatile("invlpg (%0)" : : "r"(a[0] & ~0xfffUL) : "memory");
			return set_result(c, ST_OK, old);
		}
	case 105:
		pte = pte_for(a[0]);
		return set_result(c, ST_OK, pte ? *pte : 0);
	case 106:
		__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux));
		(void)lo; (void)hi;
		return set_result(c, ST_OK, aux);
	case 107:
		write_cr3(a[0]);
		return set_result(c, ST_OK, 0);
	case 108: {
		u64 n = 0;
		for (u64 p = a[0]; p < a[1]; p += 8)
			n += word(p) != 0;
		return set_result(c, ST_OK, n);
	}
	case 109:
		pte = pte_for(a[0]);
		if (!pte)
			return set_result(c, ST_BAD_ARGUMENT, 0);
		*pte = (*pte | PTE_WRITE) & ~(u64)PTE_COW;
		__asm__ volatile("invlpg (%0)" : : "r"(a[0] & ~0xfffUL) : "memory");
		word(a[0]) = a[1];
		return set_result(c, ST_OK, 0);
	}
	return set_result(c, ST_BAD_FUNCTION, fn);
}
`

var (
	evilOnce sync.Once
	evilELF  []byte
	evilErr  string
)

// evilImage builds the malicious guest once per process: a copy of
// guest/src with evil.c added and dispatch.c routing unknown function
// numbers to it, built with the guest's own Makefile.
func evilImage(t testing.TB) []byte {
	t.Helper()
	evilOnce.Do(func() {
		dir, err := os.MkdirTemp("", "snaplab-evil-guest-")
		if err != nil {
			evilErr = err.Error()
			return
		}
		defer os.RemoveAll(dir)
		if out, err := exec.Command("cp", "-r", "guest/src",
			"guest/Makefile", dir).CombinedOutput(); err != nil {
			evilErr = "copy guest sources: " + string(out)
			return
		}
		disp := filepath.Join(dir, "src", "dispatch.c")
		b, err := os.ReadFile(disp)
		if err != nil {
			evilErr = err.Error()
			return
		}
		old := "return set_result(&c, ST_BAD_FUNCTION, fn);"
		if !bytes.Contains(b, []byte(old)) {
			evilErr = "dispatch.c changed shape; cannot patch"
			return
		}
		b = bytes.Replace(b, []byte(old),
			[]byte("return evil_dispatch(&c, fn, a);"), 1)
		b = bytes.Replace(b, []byte("u64 guest_dispatch("),
			[]byte("u64 evil_dispatch(struct ctx *c, u64 fn, const u64 *a);\n"+
				"u64 guest_dispatch("), 1)
		if err := os.WriteFile(disp, b, 0o644); err != nil {
			evilErr = err.Error()
			return
		}
		if err := os.WriteFile(filepath.Join(dir, "src", "evil.c"),
			[]byte(evilSource), 0o644); err != nil {
			evilErr = err.Error()
			return
		}
		cmd := exec.Command("make", "-s", "OUT=evil.elf")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			evilErr = "build evil guest: " + string(out)
			return
		}
		evilELF, err = os.ReadFile(filepath.Join(dir, "evil.elf"))
		if err != nil {
			evilErr = err.Error()
		}
	})
	if evilELF == nil {
		t.Skipf("no evil guest: %s", evilErr)
	}
	return evilELF
}

// evCall runs one evil-guest function and fails the test on any error
// or non-OK status.
func evCall(t testing.TB, s *vmcore.Sandbox, fn uint64, args ...uint64) uint64 {
	t.Helper()
	r, err := s.Call(vmcore.Request{Function: fn, Args: args,
		Deadline: time.Now().Add(10 * time.Second)})
	if err != nil {
		t.Fatalf("evil fn %d%v: %v", fn, args, err)
	}
	if r.Status != 0 {
		t.Fatalf("evil fn %d%v: status %d result %#x", fn, args,
			r.Status, r.Result)
	}
	return r.Result
}

// evTry is evCall that returns the error instead.
func evTry(s *vmcore.Sandbox, fn uint64, args ...uint64) (uint64, error) {
	r, err := s.Call(vmcore.Request{Function: fn, Args: args,
		Deadline: time.Now().Add(10 * time.Second)})
	if err == nil && r.Status != 0 {
		err = &vmcore.StatusError{Function: "evil", Status: r.Status,
			Result: r.Result}
	}
	return r.Result, err
}

const childEnv = "SNAPLAB_ATTACK_CHILD"

// inChild reports whether this process is the child of runChild for
// test name.
func inChild(name string) bool { return os.Getenv(childEnv) == name }

// runChild re-runs test name in a child process with childEnv set, so
// that a crash there does not take the parent down, and returns its
// combined output and whether it exited cleanly.
func runChild(t *testing.T, name string, timeout time.Duration) (string, bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.v",
		"-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+name)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.String(), err == nil &&
			!strings.Contains(out.String(), "--- FAIL")
	case <-time.After(timeout):
		cmd.Process.Kill()
		<-done
		return out.String() + "\n[child killed after " +
			timeout.String() + "]", false
	}
}

// firstLines returns up to n lines of s, for logs.
func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}
