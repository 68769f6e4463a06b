package scenario

import "fmt"

// maxNesting is how deeply arrays and inline tables may nest. Real
// scenarios need three levels; the limit keeps the position index,
// whose cost grows steeply with depth, from taking seconds on a
// small hostile file.
const maxNesting = 32

// checkNesting finds the deepest bracket or brace nesting outside
// strings and comments, and refuses files deeper than maxNesting.
func checkNesting(name string, data []byte) error {
	depth, line := 0, 1
	var quote byte // the quote character of an open string, or 0
	comment := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n':
			line++
			comment = false
			if quote != 0 && !triple(data, i, quote) {
				// A basic string cannot span lines; let the parser
				// say so.
				quote = 0
			}
		case comment:
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '#':
			comment = true
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
			if depth > maxNesting {
				return fmt.Errorf("%s:%d: arrays and tables nested "+
					"more than %d deep", name, line, maxNesting)
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// triple reports whether the string open at data[i] is a multi-line
// one, by looking back for three quote characters before the newline.
func triple(data []byte, i int, q byte) bool {
	for j := i - 1; j >= 2; j-- {
		if data[j] == '\n' {
			return false
		}
		if data[j] == q && data[j-1] == q && data[j-2] == q {
			return true
		}
	}
	return false
}
