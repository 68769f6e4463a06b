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

	// Title is the chart's title, fit for an image's alt text.
	Title string

	// SVG and PNG are the paths of the files written.
	SVG, PNG string
}

// kinds are the charts per host and scenario, in the order Draw
// writes them.
var kinds = []struct {
	name string
	draw func(all []results.Summary, host, scenario string,
		pal palette) *figure
}{
	{"latency", latencyChart},
	{"fallback", fallbackChart},
	{"first-call", firstCallChart},
	{"sweep-heap", func(all []results.Summary, host, scenario string,
		pal palette) *figure {
		return sweepChart(all, host, scenario, "heap", pal)
	}},
	{"sweep-scratch", func(all []results.Summary, host, scenario string,
		pal palette) *figure {
		return sweepChart(all, host, scenario, "scratch", pal)
	}},
}

// Draw writes into dir, which it creates if needed, every chart the
// summaries support: for each host and each scenario of the
// BenchmarkRestore results, the kinds listed in the package comment.
// Files are named KIND-SCENARIO.svg and .png, with -HOST appended
// when the summaries hold several hosts. Charts without data are
// skipped; Draw returns the charts written, which may be none.
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
			for _, k := range kinds {
				fig := k.draw(sums, host, scenario, pal)
				if fig == nil {
					continue
				}
				name := fileName(k.name, scenario, host,
					len(hosts) > 1)
				svg, png, err := fig.save(dir, name)
				if err != nil {
					return charts, err
				}
				charts = append(charts, Chart{Kind: k.name,
					Host: host, Scenario: scenario,
					Title: fig.title, SVG: svg, PNG: png})
			}
		}
	}
	return charts, nil
}

func fileName(kind, scenario, host string, withHost bool) string {
	parts := []string{kind}
	if scenario != "" {
		parts = append(parts, scenario)
	}
	if withHost && host != "" {
		parts = append(parts, host)
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
