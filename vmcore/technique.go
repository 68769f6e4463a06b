package vmcore

import "fmt"

// Technique is how the snapshot region's memory is made writable to
// the guest and put back on restore (DESIGN §3). Scratch is reset the
// same way under every technique (see ScratchReset).
type Technique int

const (
	// GuestCoW maps the blob read-only; the guest copies each page
	// it writes into scratch itself. Restore resets only scratch.
	GuestCoW Technique = iota
	// Copy gives the guest a writable private copy of the snapshot
	// region; restore copies the whole region back.
	Copy
	// Dirty is Copy with KVM dirty logging on the slot; restore copies
	// back only the pages the log names.
	Dirty
	// HostCoW maps the blob's memfd MAP_PRIVATE and writable: the host
	// kernel copies pages on the guest's writes, and restore drops the
	// copies with madvise, paying for them again as faults later.
	HostCoW
)

var techniqueNames = []string{"guest-cow", "copy", "dirty", "host-cow"}

func (t Technique) String() string {
	if int(t) < len(techniqueNames) {
		return techniqueNames[t]
	}
	return fmt.Sprintf("technique#%d", int(t))
}

// ParseTechnique reads a technique's name.
func ParseTechnique(name string) (Technique, error) {
	for i, n := range techniqueNames {
		if n == name {
			return Technique(i), nil
		}
	}
	return 0, fmt.Errorf("memory technique %q: want one of %v",
		name, techniqueNames)
}

// writable says whether the guest writes snapshot pages in place.
func (t Technique) writable() bool { return t != GuestCoW }

// MemoryNames are the memory set-ups scenarios and benchmarks name:
// each technique, and guest-cow with each scratch reset.
var MemoryNames = []string{"guest-cow", "guest-cow-memset",
	"guest-cow-threshold", "copy", "dirty", "host-cow"}

// ParseMemory reads one of MemoryNames into the technique and the
// scratch reset it stands for.
func ParseMemory(name string) (Technique, ScratchReset, error) {
	switch name {
	case "guest-cow-memset":
		return GuestCoW, ResetMemset, nil
	case "guest-cow-threshold":
		return GuestCoW, ResetThreshold, nil
	}
	t, err := ParseTechnique(name)
	if err != nil {
		return 0, 0, fmt.Errorf("memory %q: want one of %v", name,
			MemoryNames)
	}
	return t, ResetMadvise, nil
}
