package results

// Select returns the summaries in sums measured in unit whose keys
// have the given values; match alternates keys and values, as in
// Select(sums, "restore-ns/op", "benchmark", "Floor", "case", "same").
// An empty unit matches every unit.
func Select(sums []Summary, unit string, match ...string) []Summary {
	if len(match)%2 != 0 {
		panic("results: Select wants key, value pairs")
	}
	var out []Summary
next:
	for _, s := range sums {
		if unit != "" && s.Unit != unit {
			continue
		}
		for i := 0; i < len(match); i += 2 {
			if s.Get(match[i]) != match[i+1] {
				continue next
			}
		}
		out = append(out, s)
	}
	return out
}

// Values returns the distinct values key takes in sums, in the order
// first seen, leaving out "".
func Values(sums []Summary, key string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range sums {
		v := s.Get(key)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
