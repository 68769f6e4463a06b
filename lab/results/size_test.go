package results

import "testing"

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"128KiB", 128 << 10, true},
		{"288KiB", 288 << 10, true},
		{"256MiB", 256 << 20, true},
		{"1GiB", 1 << 30, true},
		{"4096B", 4096, true},
		{"4096", 4096, true},
		{"0B", 0, true},
		{"", 0, false},
		{"KiB", 0, false},
		{"1.5MiB", 0, false},
		{"-1KiB", 0, false},
		{"+1KiB", 0, false},
		{"128kb", 0, false},
		{"128 KiB", 0, false},
		{"17179869184GiB", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if tt.ok && (err != nil || got != tt.want) {
			t.Errorf("ParseSize(%q) = %d, %v; want %d",
				tt.in, got, err, tt.want)
		}
		if !tt.ok && err == nil {
			t.Errorf("ParseSize(%q) = %d; want an error", tt.in, got)
		}
	}
}

func TestFormatSize(t *testing.T) {
	tests := []struct {
		in   uint64
		want string
	}{
		{0, "0 B"},
		{512, "512 B"},
		{128 << 10, "128 KiB"},
		{1 << 20, "1 MiB"},
		{3 << 19, "1.5 MiB"},
		{256 << 20, "256 MiB"},
		{2 << 30, "2 GiB"},
	}
	for _, tt := range tests {
		if got := FormatSize(tt.in); got != tt.want {
			t.Errorf("FormatSize(%d) = %q; want %q", tt.in, got,
				tt.want)
		}
	}
}

func TestSweep(t *testing.T) {
	tests := []struct {
		in, key string
		ok      bool
	}{
		{"heap-128KiB", "heap", true},
		{"heap-256MiB", "heap", true},
		{"scratch-4MiB", "scratch", true},
		{"heap-grow", "", false},
		{"heap-shrink", "", false},
		{"same", "", false},
		{"heap-", "", false},
	}
	for _, tt := range tests {
		key, ok := Sweep(tt.in)
		if key != tt.key || ok != tt.ok {
			t.Errorf("Sweep(%q) = %q, %v; want %q, %v", tt.in, key,
				ok, tt.key, tt.ok)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"128KiB", "256MiB", "1GiB", "4096B",
		"7", "", "99999999999999999999B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err != nil {
			return
		}
		// Whatever parses must print and parse back to itself.
		back, err := ParseSize(compact(FormatSize(n)))
		if err == nil && back != n {
			t.Fatalf("ParseSize(%q) = %d, but %q reads as %d",
				s, n, FormatSize(n), back)
		}
	})
}

// compact turns FormatSize's "128 KiB" back into a sub-name value.
func compact(s string) string {
	out := []byte{}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			out = append(out, s[i])
		}
	}
	return string(out)
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		want string
	}{
		{48211, "restore-ns/op", "48.2 µs"},
		{935000, "restore-ns/op", "935 µs"},
		{1.25e6, "ns/op", "1.25 ms"},
		{512, "p50-ns/op", "512 ns"},
		{1, "fallback/op", "1"},
		{0.5, "fallback/op", "0.5"},
		{0, "fallback/op", "0"},
		{20412.7, "restores/s", "20413"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.v, tt.unit); got != tt.want {
			t.Errorf("FormatValue(%v, %q) = %q; want %q", tt.v,
				tt.unit, got, tt.want)
		}
	}
}
