package layout

import (
	"strings"
	"testing"
)

func TestDefaultIsValid(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatalf("default layout: %v", err)
	}
}

func TestOffsetsAreOrderedAndAligned(t *testing.T) {
	l := Default()
	offs := []uint64{0, l.PEBOffset(), l.HeapOffset(),
		l.InitDataOffset(), l.GuestVisibleSize()}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] || offs[i]%PageSize != 0 {
			t.Fatalf("snapshot offsets %v not ordered and aligned", offs)
		}
	}
	if l.FreeOffset() >= l.BookkeepingOffset()-StackPages*PageSize {
		t.Fatalf("no free pages: free at %#x, bookkeeping at %#x",
			l.FreeOffset(), l.BookkeepingOffset())
	}
	if l.ScratchBase()+l.ScratchSize != PhysTop {
		t.Fatal("scratch does not end at the top of physical space")
	}
}

func TestPageTableSize(t *testing.T) {
	cases := []struct {
		heap, scratch uint64
		want          uint64
	}{
		// PML4 + PDPT + one PD and one PT per region.
		{128 << 10, 288 << 10, 6 * PageSize},
		// 256 MiB heap spans 129 page tables of 2 MiB.
		{256 << 20, 1 << 20, (2 + 2 + 129 + 1) * PageSize},
	}
	for _, c := range cases {
		l := Default()
		l.HeapSize, l.ScratchSize = c.heap, c.scratch
		if got := l.PageTableSize(); got != c.want {
			t.Errorf("heap %s scratch %s: pt %d, want %d",
				FormatSize(c.heap), FormatSize(c.scratch), got, c.want)
		}
	}
}

func TestValidateNamesFieldAndRange(t *testing.T) {
	cases := []struct {
		field Field
		value uint64
		want  string
	}{
		{HeapSize, 5000, "heap_size = 5000B: allowed a multiple of 4KiB"},
		{InputSize, 0, "input_size = 0B: allowed 4KiB to 256MiB"},
		{ScratchSize, 64 << 10, "scratch_size = 64KiB: allowed at least"},
		{InitDataPerms, uint64(PermWrite), "init_data_perms = w"},
	}
	for _, c := range cases {
		err := Default().Set(c.field, c.value).Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s=%d: got %v, want %q", c.field, c.value, err, c.want)
		}
	}
}

func TestSizeRoundTrip(t *testing.T) {
	for _, s := range []string{"16KiB", "256MiB", "1GiB", "4097B", "0B"} {
		n, err := ParseSize(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if got := FormatSize(n); got != s {
			t.Errorf("%s -> %d -> %s", s, n, got)
		}
	}
	for _, bad := range []string{"16KB", "-1", "1.5MiB", "", "MiB"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted", bad)
		}
	}
}

func TestPermsRoundTrip(t *testing.T) {
	for _, s := range []string{"r", "rw", "rx", "rwx"} {
		p, err := ParsePerms(s)
		if err != nil || p.String() != s {
			t.Errorf("%s -> %v, %v", s, p, err)
		}
	}
	for _, bad := range []string{"", "w", "rr", "rq"} {
		if _, err := ParsePerms(bad); err == nil {
			t.Errorf("ParsePerms(%q) accepted", bad)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"16KiB", "1GiB", "12", "99999999999GiB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err != nil {
			return
		}
		m, err := ParseSize(FormatSize(n))
		if err != nil || m != n {
			t.Fatalf("%q -> %d -> %q -> %d, %v", s, n, FormatSize(n), m, err)
		}
	})
}
