package plots

import (
	"fmt"
	"os"
	"strings"

	"snaplab/lab/results"
)

// A Chart is one chart Draw wrote, in two formats.
type Chart struct {
	// Kind is what the chart shows: "latency", "sweep-heap",
	// "sweep-scratch", "fallback" or "first-call".
	Kind string

	// Host and Scenario are the data the chart is drawn from; Host
	// is "" when the summaries name no host.
	Host, Scenario string

	// Mem is the memory technique of a bar chart drawn once per
	// technique, and "" for a chart of all of them.
	Mem string

	// Title is the chart's title, fit for an image's alt text.
	Title string

	// SVG and PNG are the paths of the files written.
	SVG, PNG string
}

// kinds are the charts per host and scenario, in the order Draw
// writes them. perMem kinds are drawn once per memory technique.
var kinds = []struct {
	name   string
	perMem bool
	draw   func(all []results.Summary, sc scope, pal palette) *figure
}{
	{"latency", true, latencyChart},
	{"fallback", true, fallbackChart},
	{"first-call", true, firstCallChart},
	{"sweep-heap", false, func(all []results.Summary, sc scope,
		pal palette) *figure {
		return sweepChart(all, sc, "heap", pal)
	}},
	{"sweep-scratch", false, func(all []results.Summary, sc scope,
		pal palette) *figure {
		return sweepChart(all, sc, "scratch", pal)
	}},
}

// Draw writes into dir, which it creates if needed, every chart the
// summaries support: for each host and each scenario of the
// BenchmarkRestore results, the kinds listed in the package comment.
// Files are named KIND-SCENARIO.svg and .png, with -HOST appended
// when the summaries hold several hosts. When the scenario's cases
// outside the size sweeps ran under several memory techniques, the
// bar charts are drawn once per technique and named
// KIND-SCENARIO-MEM[-HOST]. Charts without data are skipped; Draw
// returns the charts written, which may be none.
func Draw(dir string, sums []results.Summary) ([]Chart, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("plots: %w", err)
	}
	hosts := results.Values(sums, "host")
	if len(hosts) == 0 {
		hosts = []string{""}
	}
	pal := newPalette(results.Values(sums, "strategy"))

	var charts []Chart
	for _, host := range hosts {
		restores := results.Select(sums, "", "host", host,
			"benchmark", "Restore")
		scenarios := results.Values(restores, "scenario")
		if len(scenarios) == 0 {
			scenarios = []string{""}
		}
		for _, scenario := range scenarios {
			sc := scope{host: host, scenario: scenario}
			drawn, err := drawScenario(dir, sums, sc, pal,
				len(hosts) > 1)
			charts = append(charts, drawn...)
			if err != nil {
				return charts, err
			}
		}
	}
	return charts, nil
}

// drawScenario writes the charts of one host and scenario.
func drawScenario(dir string, sums []results.Summary, whole scope,
	pal palette, withHost bool) ([]Chart, error) {
	perMem := splitByMem(sums, whole)
	var charts []Chart
	for _, k := range kinds {
		scopes := []scope{whole}
		if k.perMem {
			scopes = perMem
		}
		for _, sc := range scopes {
			fig := k.draw(sums, sc, pal)
			if fig == nil {
				continue
			}
			svg, png, err := fig.save(dir,
				fileName(k.name, sc, withHost))
			if err != nil {
				return charts, err
			}
			charts = append(charts, Chart{Kind: k.name,
				Host: sc.host, Scenario: sc.scenario, Mem: sc.mem,
				Title: fig.title, SVG: svg, PNG: png})
		}
	}
	return charts, nil
}

func fileName(kind string, sc scope, withHost bool) string {
	parts := []string{kind}
	for _, p := range []string{sc.scenario, sc.mem} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if withHost && sc.host != "" {
		parts = append(parts, sc.host)
	}
	return safe(strings.Join(parts, "-"))
}

// safe keeps letters, digits, '.', '-' and '_' in a file name and
// turns anything else, such as the ':' of a subset strategy, into '_'.
func safe(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z',
			r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, name)
}
