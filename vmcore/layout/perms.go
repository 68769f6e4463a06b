package layout

import (
	"fmt"
	"strings"
)

// Perms is the set of access rights the guest gets on its init data.
type Perms uint8

// Permission bits.
const (
	PermRead  Perms = 1 << iota // the guest may read
	PermWrite                   // writes copy the page into scratch
	PermExec                    // the guest may execute
)

// String renders perms as "r", "rw", "rx" or "rwx".
func (p Perms) String() string {
	var b strings.Builder
	for _, c := range []struct {
		bit Perms
		ch  byte
	}{{PermRead, 'r'}, {PermWrite, 'w'}, {PermExec, 'x'}} {
		if p&c.bit != 0 {
			b.WriteByte(c.ch)
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// ParsePerms reads "r", "rw", "rx" or "rwx" (read is required).
func ParsePerms(s string) (Perms, error) {
	var p Perms
	for _, c := range s {
		var bit Perms
		switch c {
		case 'r':
			bit = PermRead
		case 'w':
			bit = PermWrite
		case 'x':
			bit = PermExec
		default:
			return 0, fmt.Errorf("perms %q: unknown letter %q "+
				"(allowed: r, rw, rx, rwx)", s, c)
		}
		if p&bit != 0 {
			return 0, fmt.Errorf("perms %q: letter %q repeated", s, c)
		}
		p |= bit
	}
	if p&PermRead == 0 {
		return 0, fmt.Errorf("perms %q: must include r "+
			"(allowed: r, rw, rx, rwx)", s)
	}
	return p, nil
}
