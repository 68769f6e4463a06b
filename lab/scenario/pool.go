package scenario

import "math"

// readPool reads [pool]. Each tenant is a layout table over
// layout.Default() and the file's [source], like a case's source.
// It also returns the valid tenants' layouts, for checks that span
// layouts.
func readPool(t *table, base override) (*Pool, []named) {
	t.allow("sandboxes", "restores", "seed", "tenant")
	for _, k := range []string{"sandboxes", "restores"} {
		if _, present := t.m[k]; !present {
			t.probs.addf(t.here(), t.scope, "%s: required", t.key(k))
		}
	}
	pool := &Pool{
		Sandboxes: int(t.integer("sandboxes", 1, 1, MaxPoolSandboxes)),
		Restores:  int(t.integer("restores", 1, 1, MaxPoolRestores)),
		Seed:      t.integer("seed", 0, math.MinInt64, math.MaxInt64),
	}

	tenants := t.list("tenant")
	raw, present := t.m["tenant"]
	if arr, isArray := raw.([]any); !present || isArray && len(arr) == 0 {
		t.probs.addf(t.line("tenant"), t.scope, "%s: at least one "+
			"[[pool.tenant]] required", t.key("tenant"))
	}
	if len(tenants) > MaxPoolTenants {
		extra := tenants[MaxPoolTenants]
		t.probs.addf(extra.here(), t.scope, "%s: %d tenants: allowed "+
			"1 to %d", t.key("tenant"), len(tenants), MaxPoolTenants)
	}

	var layouts []named
	for _, tt := range tenants {
		l := build(tt.here(), base, readOverride(tt))
		if l.check(t.probs, tt.scope, tt.label) {
			pool.Tenants = append(pool.Tenants, l.Layout)
			layouts = append(layouts, named{tt.label, l.Layout})
		}
	}
	return pool, layouts
}
