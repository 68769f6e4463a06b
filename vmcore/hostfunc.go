package vmcore

import (
	"fmt"
	"slices"
	"strings"
)

// Kind is the type of a host function's parameter or result. Every
// kind travels as one 64-bit word.
type Kind uint8

// The kinds a host function may take and return.
const (
	I64 Kind = iota + 1
	U64
	F64
)

func (k Kind) String() string {
	switch k {
	case I64:
		return "i64"
	case U64:
		return "u64"
	case F64:
		return "f64"
	}
	return "kind?"
}

// Signature is a host function's parameter and result kinds.
type Signature struct {
	Params []Kind
	Result Kind
}

func (s Signature) String() string {
	p := make([]string, len(s.Params))
	for i, k := range s.Params {
		p[i] = k.String()
	}
	return "(" + strings.Join(p, ",") + ")" + s.Result.String()
}

// Equal reports whether two signatures are the same. Restore checks
// every recorded function with it, so it compares in place rather
// than through String.
func (s Signature) Equal(o Signature) bool {
	return s.Result == o.Result && slices.Equal(s.Params, o.Params)
}

// HostFunction is a function the guest may call by name.
type HostFunction struct {
	Name      string
	Signature Signature
	Call      func(args []uint64) (uint64, error)
}

// HostFunctionRecord is what a snapshot remembers of a host function.
type HostFunctionRecord struct {
	Name      string
	Signature Signature
}

// checkHostFunctions reports each function the snapshot recorded that
// the sandbox lacks or has with a different signature. Extra
// functions in the sandbox are fine.
func checkHostFunctions(recorded []HostFunctionRecord,
	have map[string]HostFunction) error {
	var problems []string
	for _, r := range recorded {
		h, ok := have[r.Name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s%s missing",
				r.Name, r.Signature))
		case !h.Signature.Equal(r.Signature):
			problems = append(problems, fmt.Sprintf("%s is %s, snapshot "+
				"recorded %s", r.Name, h.Signature, r.Signature))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrHostFunctionMismatch,
			strings.Join(problems, "; "))
	}
	return nil
}
