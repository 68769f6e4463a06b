package report

import "strings"

// envKeys are the configuration lines the environment table shows,
// in order.
var envKeys = []string{"host", "kernel", "kvm-backend", "cpu",
	"commit", "scenario", "scenario-digest"}

func (r *writer) environment() {
	r.printf("## Environment\n\n")
	envs := r.in.Set.Environments()
	t := &table{header: []string{""}}
	for _, e := range envs {
		t.header = append(t.header, hostName(e.Host))
	}
	for _, k := range envKeys {
		row := []string{k}
		for _, e := range envs {
			v := e.Get(k)
			if v == "" {
				v = "—"
			}
			row = append(row, v)
		}
		t.add(row...)
	}
	t.write(&r.b)
	r.printf("\n")

	var pvm []string
	for _, e := range envs {
		if contains(e.Values["kvm-backend"], "kvm_pvm") {
			pvm = append(pvm, hostName(e.Host))
		}
	}
	r.printf("> **How far these numbers travel.** ")
	if len(pvm) > 0 {
		r.printf("%s ran on %s, KVM nested in software, where "+
			"absolute times are distorted: ", joinAnd(pvm),
			code("kvm_pvm"))
	} else {
		r.printf("On %s (KVM nested in software) absolute times "+
			"are distorted: ", code("kvm_pvm"))
	}
	r.printf("every vCPU ioctl is a trip through the outer " +
		"hypervisor, guest code at CPL0 is emulated instruction by " +
		"instruction, and so an in-guest copy-on-write fault costs " +
		"hundreds of microseconds where hardware takes about one " +
		"(the vmcore benchmarks measure it: `go test -run '^$' " +
		"-bench SameLayout -benchtime 10x ./vmcore` reports " +
		"cow-ns/page). Ratios " +
		"measured within one run (a strategy against the floor, or " +
		"against another strategy) travel better than absolute " +
		"times; compare hosts by ratio, not by microseconds.\n\n")
}

// hostName is how a host heads a column; results without a host line
// still get one.
func hostName(h string) string {
	if h == "" {
		return "(no host)"
	}
	return h
}

func joinAnd(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return "Host " + code(list[0])
	}
	quoted := make([]string, len(list))
	for i, s := range list {
		quoted[i] = code(s)
	}
	return "Hosts " + strings.Join(quoted[:len(quoted)-1], ", ") +
		" and " + quoted[len(quoted)-1]
}
