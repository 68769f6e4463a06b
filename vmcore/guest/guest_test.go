package guest

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// abiConstants maps each #define in src/abi.h to its Go twin.
var abiConstants = map[string]uint64{
	"PAGE_SIZE": PageSize, "PHYS_TOP": PhysTop,
	"PORT_DONE": PortDone, "PORT_HOSTCALL": PortHostcall,
	"PORT_FAULT": PortFault,
	"FN_ECHO":    FnEcho, "FN_TOUCH": FnTouch, "FN_CHECKSUM": FnChecksum,
	"FN_LAYOUT": FnLayout, "FN_ALLOC": FnAlloc,
	"FN_CALL_HOST": FnCallHost, "FN_SPIN": FnSpin, "FN_FAULT": FnFault,
	"FN_FILL": FnFill, "FN_SCAN": FnScan, "FN_DIRTY_REGS": FnDirtyRegs,
	"FN_READ_REGS": FnReadRegs,
	"ST_OK":        StOK, "ST_READY": StReady, "ST_BAD_FUNCTION": StBadFunction,
	"ST_BAD_ARGUMENT": StBadArgument, "ST_TOO_BIG": StTooBig,
	"ST_NO_MEMORY": StNoMemory, "ST_FAULT": StFault,
	"ST_HOST_ERROR": StHostError,
	"IN_FUNCTION":   InFunction, "IN_NARGS": InNArgs, "IN_ARGS": InArgs,
	"IN_PAYLOAD_LEN": InPayloadLen, "IN_PAYLOAD": InPayload,
	"MAX_ARGS":   MaxArgs,
	"OUT_STATUS": OutStatus, "OUT_RESULT": OutResult,
	"OUT_PAYLOAD_LEN": OutPayloadLen, "OUT_WORDS": OutWords,
	"OUT_PAYLOAD": OutPayload, "HEADER_SIZE": HeaderSize,
	"HC_NARGS": HCNArgs, "HC_ARGS": HCArgs, "HC_NAME_LEN": HCNameLen,
	"HC_NAME":   HCName,
	"PEB_MAGIC": PEBMagic, "PEB_CODE_SIZE": PEBCodeSize,
	"PEB_HEAP_BASE": PEBHeapBase, "PEB_HEAP_SIZE": PEBHeapSize,
	"PEB_INIT_BASE": PEBInitBase, "PEB_INIT_SIZE": PEBInitSize,
	"PEB_INIT_PERMS": PEBInitPerms, "PEB_INPUT_OFFSET": PEBInputOffset,
	"PEB_INPUT_SIZE": PEBInputSize, "PEB_OUTPUT_OFFSET": PEBOutputOffset,
	"PEB_OUTPUT_SIZE":   PEBOutputSize,
	"PEB_SNAPSHOT_BASE": PEBSnapshotBase,
	"PEB_SNAPSHOT_SIZE": PEBSnapshotSize,
	"PEB_MAGIC_VALUE":   PEBMagicValue,
	"BK_SCRATCH_SIZE":   BKScratchSize, "BK_ALLOC_CURSOR": BKAllocCursor,
	"BK_PT_GPA": BKPTGPA, "BK_GENERATION": BKGeneration,
	"BK_ALLOC_LIMIT": BKAllocLimit, "BK_COW_COUNT": BKCowCount,
	"BK_FAULT_DEPTH": BKFaultDepth, "BK_PEB": BKPEB,
	"PTE_PRESENT": PTEPresent, "PTE_WRITE": PTEWrite, "PTE_COW": PTECow,
	"PTE_NX": PTENX, "PTE_ADDR": PTEAddr,
	"PERM_READ": PermRead, "PERM_WRITE": PermWrite, "PERM_EXEC": PermExec,
	"FLAG_FLUSH_TLB":     FlagFlushTLB,
	"MSR_KERNEL_GS_BASE": MSRKernelGSBase, "MSR_TSC_AUX": MSRTSCAux,
}

var defineRE = regexp.MustCompile(
	`^#define ([A-Z0-9_]+) \(?(PHYS_TOP - )?(0x[0-9a-fA-F]+|[0-9]+)\)?$`)

func TestABIMatches(t *testing.T) {
	f, err := os.Open("src/abi.h")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "#define ") ||
			strings.HasSuffix(line, "_H") {
			continue
		}
		m := defineRE.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("abi.h: cannot read %q", line)
			continue
		}
		v, err := strconv.ParseUint(m[3], 0, 64)
		if err != nil {
			t.Fatalf("abi.h: %q: %v", line, err)
		}
		if m[2] != "" {
			v = PhysTop - v
		}
		want, ok := abiConstants[m[1]]
		switch {
		case !ok:
			t.Errorf("abi.h defines %s, which has no Go twin", m[1])
		case want != v:
			t.Errorf("%s: abi.h %#x, Go %#x", m[1], v, want)
		}
		seen[m[1]] = true
	}
	for name := range abiConstants {
		if !seen[name] {
			t.Errorf("Go twin %s has no #define in abi.h", name)
		}
	}
}

func TestBuiltinLoads(t *testing.T) {
	img, err := Load(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	if img.Base != 0x4000 {
		t.Errorf("image base %#x, want the snapshot region base 0x4000",
			img.Base)
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	if _, err := Load([]byte("not an elf")); err == nil {
		t.Fatal("Load accepted garbage")
	}
}

// TestCommittedImageIsFresh rebuilds the guest with the system C
// compiler and fails if the result differs from the committed image.
func TestCommittedImageIsFresh(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not found: cannot check that guest.elf is fresh")
	}
	out := filepath.Join(t.TempDir(), "guest.elf")
	cmd := exec.Command("make", "-s", "CC=gcc", "OUT="+out, out)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("make: %v", err)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, Builtin()) {
		t.Fatal("guest.elf is stale: run `make guest` and commit it")
	}
}
