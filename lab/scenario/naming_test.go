package scenario

import "testing"

func TestValidKeyValue(t *testing.T) {
	good := []string{"same", "heap-16B", "heap-128KiB", "x_16",
		"subset:scratch_size", "v1.2+rc", "a-b-c", "16", "-x", "a-"}
	for _, s := range good {
		if err := ValidKeyValue(s); err != nil {
			t.Errorf("ValidKeyValue(%q) = %v", s, err)
		}
	}
	bad := []string{"", "heap-16", "a-0", "x-1-2", "a/b", "a=b",
		"a b", "é", "a,b", "-12"}
	for _, s := range bad {
		if err := ValidKeyValue(s); err == nil {
			t.Errorf("ValidKeyValue(%q) accepted", s)
		}
	}
}
