package scenario

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Error is one problem in a scenario file, with where it is. Load and
// Parse join every Error they find with errors.Join, in line order.
//
// Its text is FILE:LINE: SCOPE: KEY ...: the scope names the case or
// sweep concerned and is left out at the top level; the line is left
// out when the problem has no place in the file (a required key that
// is missing at the top level).
type Error struct {
	File  string // the path given to Load, or the name given to Parse
	Line  int    // 1-based line of the offending key; 0 if none
	Scope string // e.g. `case "heap-grow"`; "" at the top level
	Err   error  // what is wrong, starting with the key concerned
}

// Error renders the problem as FILE:LINE: SCOPE: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Scope != "" {
		b.WriteString(e.Scope)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying problem, such as a
// *layout.FieldError.
func (e *Error) Unwrap() error { return e.Err }

// problems collects the Errors found in one file, so that one pass
// reports them all.
type problems struct {
	file string
	pos  *positions
	list []*Error
	seen map[string]bool
}

func (p *problems) add(line int, scope string, err error) {
	p.list = append(p.list, &Error{p.file, line, scope, err})
}

func (p *problems) addf(line int, scope, format string, args ...any) {
	p.add(line, scope, fmt.Errorf(format, args...))
}

// once adds the problem unless one with the same line and key was
// added through once before. A bad value in [source] breaks both
// layouts of every case; it is worth saying only once.
func (p *problems) once(line int, key, scope string, err error) {
	key = fmt.Sprint(line, "\x00", key)
	if p.seen[key] {
		return
	}
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	p.seen[key] = true
	p.add(line, scope, err)
}

// err returns every problem, sorted by line, joined; nil if none.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	sort.SliceStable(p.list, func(i, j int) bool {
		return p.list[i].Line < p.list[j].Line
	})
	errs := make([]error, len(p.list))
	for i, e := range p.list {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// syntaxError turns the TOML decoder's complaint into an Error with
// the line the decoder found.
func syntaxError(file string, err error) error {
	line := 0
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ = de.Position()
	}
	msg := strings.TrimPrefix(err.Error(), "toml: ")
	return &Error{file, line, "", fmt.Errorf("invalid TOML: %s", msg)}
}
