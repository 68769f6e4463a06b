package report

import (
	"strings"
	"unicode/utf8"
)

// table is a markdown table whose columns are padded so that the
// source reads as a table too.
type table struct {
	header []string
	right  []bool // per column: align right (numbers)
	rows   [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(b *strings.Builder) {
	header := escapeAll(t.header)
	rows := make([][]string, len(t.rows))
	for i, r := range t.rows {
		rows[i] = escapeAll(r)
	}
	widths := make([]int, len(header))
	measure := func(row []string) {
		for i, c := range row {
			if i < len(widths) {
				widths[i] = max(widths[i],
					utf8.RuneCountInString(c), 3)
			}
		}
	}
	measure(header)
	for _, r := range rows {
		measure(r)
	}

	line := func(row []string) {
		b.WriteString("|")
		for i := range t.header {
			c := ""
			if i < len(row) {
				c = row[i]
			}
			pad := strings.Repeat(" ",
				widths[i]-utf8.RuneCountInString(c))
			if t.right != nil && t.right[i] {
				b.WriteString(" " + pad + c + " |")
			} else {
				b.WriteString(" " + c + pad + " |")
			}
		}
		b.WriteString("\n")
	}
	line(header)
	b.WriteString("|")
	for i, w := range widths {
		if t.right != nil && t.right[i] {
			b.WriteString(" " + strings.Repeat("-", w-1) + ": |")
		} else {
			b.WriteString(" " + strings.Repeat("-", w) + " |")
		}
	}
	b.WriteString("\n")
	for _, r := range rows {
		line(r)
	}
}

// escapeAll keeps a '|' inside a cell from ending it.
func escapeAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.ReplaceAll(c, "|", `\|`)
	}
	return out
}

// code quotes s as inline code.
func code(s string) string { return "`" + s + "`" }
