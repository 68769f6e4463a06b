package run

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"

	"snaplab/bench"
	"snaplab/lab/scenario"
)

// plan is what a run goes through: each scenario with its
// configurations and number of samples.
type plan struct {
	scenarios []planned
	benchtime string
}

type planned struct {
	path    string // absolute
	s       *scenario.Scenario
	configs []bench.Config
	samples int
}

func newPlan(opts Options) (*plan, error) {
	p := &plan{benchtime: opts.Benchtime}
	if p.benchtime == "" {
		p.benchtime = DefaultBenchtime
	}
	seen := map[string]string{}
	for _, file := range opts.Scenarios {
		s, err := scenario.Load(file)
		if err != nil {
			return nil, err
		}
		if other, dup := seen[s.Name]; dup {
			return nil, fmt.Errorf("%s and %s are both scenario %q",
				other, file, s.Name)
		}
		seen[s.Name] = file
		abs, err := filepath.Abs(file)
		if err != nil {
			return nil, err
		}
		samples := s.Samples
		if opts.Count > 0 {
			samples = opts.Count
		}
		p.scenarios = append(p.scenarios, planned{abs, s,
			bench.Configs(s), samples})
	}
	return p, nil
}

// names are the scenario names, for the run directory's name.
func (p *plan) names() []string {
	var n []string
	for _, s := range p.scenarios {
		n = append(n, s.s.Name)
	}
	return n
}

// jobs lists the processes of the run, samples outermost: sample 1
// of every configuration of every scenario, then sample 2, and so on.
func (p *plan) jobs() []jobOf {
	most := 0
	for _, s := range p.scenarios {
		most = max(most, s.samples)
	}
	var jobs []jobOf
	for i := 1; i <= most; i++ {
		for k := range p.scenarios {
			s := &p.scenarios[k]
			if i > s.samples {
				continue
			}
			for _, c := range s.configs {
				bt := p.benchtime
				if c.Iterations > 0 {
					bt = strconv.Itoa(c.Iterations) + "x"
				}
				jobs = append(jobs, jobOf{s, job{
					scenario:  s.path,
					pattern:   c.Pattern(),
					benchtime: bt,
					name: fmt.Sprintf("%s sample %d/%d",
						c.FullName(), i, s.samples),
				}})
			}
		}
	}
	return jobs
}

// jobOf is a job with the scenario it belongs to.
type jobOf struct {
	of *planned
	job
}

// execute runs every job in order, writing results as they come.
func (p *plan) execute(ctx context.Context, bin, dir string,
	raw *rawWriter, res *Result,
	progress func(done, total int, current string)) error {
	jobs := p.jobs()
	for i, j := range jobs {
		if progress != nil {
			progress(i, len(jobs), j.name)
		}
		out, err := runJob(ctx, bin, dir, j.job)
		res.Notes = append(res.Notes, out.notes...)
		if err != nil {
			return err
		}
		if err := raw.add(j.of.s.Name, j.of.s.Digest, out); err != nil {
			return err
		}
	}
	if progress != nil {
		progress(len(jobs), len(jobs), "")
	}
	return nil
}
