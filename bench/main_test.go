package bench

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"snaplab/lab/scenario"
	"snaplab/vmcore"
)

// ScenarioEnv names the environment variable that gives the scenario
// file when -scenario does not.
const ScenarioEnv = "SNAPLAB_SCENARIO"

const (
	defaultScenario  = "../scenarios/smoke.toml"
	defaultBenchtime = "20x"
)

var scenarioFlag = flag.String("scenario", "", "the scenario `file` "+
	"to benchmark (default $"+ScenarioEnv+", else "+defaultScenario+")")

func TestMain(m *testing.M) {
	flag.Parse()
	if !flagSet("test.benchtime") {
		flag.Set("test.benchtime", defaultBenchtime)
	}
	if benchmarking() {
		for _, u := range Units {
			fmt.Println(u.Line())
		}
	}
	os.Exit(m.Run())
}

// flagSet reports whether the command line set flag name.
func flagSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// benchmarking reports whether this process will run benchmarks.
func benchmarking() bool {
	bench := flag.Lookup("test.bench")
	list := flag.Lookup("test.list")
	return bench != nil && bench.Value.String() != "" &&
		(list == nil || list.Value.String() == "")
}

// scenarioPath is the file the benchmarks read.
func scenarioPath() string {
	if *scenarioFlag != "" {
		return *scenarioFlag
	}
	if p := os.Getenv(ScenarioEnv); p != "" {
		return p
	}
	return defaultScenario
}

var loaded struct {
	once sync.Once
	s    *scenario.Scenario
	err  error
}

// loadScenario loads the scenario once per process and skips when
// KVM is unusable, so that every benchmark fails or skips with one
// line.
func loadScenario(b *testing.B) *scenario.Scenario {
	b.Helper()
	if err := vmcore.Available(); err != nil {
		b.Skipf("KVM unavailable: %v", err)
	}
	loaded.once.Do(func() {
		loaded.s, loaded.err = scenario.Load(scenarioPath())
	})
	if loaded.err != nil {
		b.Fatal(loaded.err)
	}
	return loaded.s
}

// runConfigs runs body as a sub-benchmark for each configuration of
// the scenario that belongs to the top-level benchmark name.
func runConfigs(b *testing.B, name string, body func(*testing.B, Config)) {
	s := loadScenario(b)
	ran := false
	for _, c := range Configs(s) {
		if c.Benchmark == name {
			b.Run(c.Name(), func(b *testing.B) { body(b, c) })
			ran = true
		}
	}
	if !ran {
		b.Skipf("scenario %s has nothing for %s", s.Name, name)
	}
}

// scenarioFiles lists the scenario files the repository ships.
func scenarioFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join(
		filepath.Dir(defaultScenario), "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario files next to %s: %v", defaultScenario, err)
	}
	return files
}
