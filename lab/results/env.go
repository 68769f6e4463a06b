package results

import "strings"

// An Environment is the file configuration of every result from one
// host: the stable facts a run records about where it ran.
type Environment struct {
	// Host is the value of the host configuration key ("" when the
	// files do not name one).
	Host string

	// Keys are the configuration keys in the order first seen.
	Keys []string

	// Values holds, for each key, its distinct values in the order
	// first seen. More than one value means results from, say, two
	// commits were merged.
	Values map[string][]string
}

// Get returns the values of key joined by ", ", or "" if the key was
// never set.
func (e Environment) Get(key string) string {
	return strings.Join(e.Values[key], ", ")
}

// Environments returns one Environment per host, in the order the
// hosts first appear in s.
func (s *Set) Environments() []Environment {
	var envs []*Environment
	byHost := map[string]*Environment{}
	for _, res := range s.Results {
		host := res.GetConfig("host")
		env := byHost[host]
		if env == nil {
			env = &Environment{Host: host,
				Values: map[string][]string{}}
			byHost[host] = env
			envs = append(envs, env)
		}
		for _, c := range res.Config {
			if !c.File {
				continue
			}
			vals, seen := env.Values[c.Key]
			if !seen {
				env.Keys = append(env.Keys, c.Key)
			}
			if !contains(vals, string(c.Value)) {
				env.Values[c.Key] = append(vals, string(c.Value))
			}
		}
	}
	out := make([]Environment, len(envs))
	for i, e := range envs {
		out[i] = *e
	}
	return out
}

// Hosts returns the distinct hosts of s in the order first seen.
func (s *Set) Hosts() []string {
	var hosts []string
	for _, e := range s.Environments() {
		hosts = append(hosts, e.Host)
	}
	return hosts
}
