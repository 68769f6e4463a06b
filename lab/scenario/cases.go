package scenario

import "fmt"

// draft is a case before its layouts are built: its name, the line
// it is written on and what each side overrides on top of the file's
// [source] and [target].
type draft struct {
	name     string
	sweep    string
	line     int // of the case, for fields no table sets
	nameLine int // of its name (the value, for a sweep's case)
	source   override
	target   override
}

// readCase reads one [[case]]. It returns false if the case has no
// usable name; its other problems are reported and left to the build.
func readCase(t *table, i int) (draft, bool) {
	t.label, t.scope = "", fmt.Sprintf("case[%d]", i)
	t.allow("name", "source", "target")
	name, ok := t.required("name")
	if ok {
		if err := ValidKeyValue(name); err != nil {
			t.errf("name", " = %q: %v", name, err)
			ok = false
		}
	}
	if ok {
		t.scope = fmt.Sprintf("case %q", name)
	}

	d := draft{name: name, line: t.here(), nameLine: t.line("name")}
	d.source = readOverride(t.sub("source"))
	d.target = readOverride(t.sub("target"))
	return d, ok
}

// buildCase turns a draft into a Case. The source takes
// layout.Default(), then [source], then the case's own source. The
// target starts from the same base, then [target], then the case's
// own target: a field the case overrides on one side only differs
// between the two.
func buildCase(p *problems, d draft, base, baseTarget override) (Case, bool) {
	src := build(d.line, base, d.source)
	tgt := build(d.line, base, baseTarget, d.target)
	scope := fmt.Sprintf("case %q", d.name)
	ok := src.check(p, scope, "source")
	ok = tgt.check(p, scope, "target") && ok
	return Case{d.name, d.sweep, src.Layout, tgt.Layout}, ok
}

// checkUnique reports every case whose name an earlier case has.
func checkUnique(p *problems, drafts []draft) {
	first := map[string]int{}
	for _, d := range drafts {
		if at, dup := first[d.name]; dup {
			p.addf(d.nameLine, fmt.Sprintf("case %q", d.name),
				"name: already used by the case at line %d", at)
			continue
		}
		first[d.name] = d.nameLine
	}
}
