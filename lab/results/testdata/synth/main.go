// Command synth writes a synthetic raw.txt in the format the snaplab
// suite produces, for the tests of lab/results, lab/compare, plots and
// lab/report. The numbers follow the medians measured on the lab's
// kvm_pvm host (DESIGN.md §4); -speed scales them down for a faster
// host and -syncregs models a commit that hands registers to KVM_RUN
// through kvm_run, saving two vCPU ioctls on every in-place restore.
//
// Regenerate the checked-in files from the module root with:
//
//	sh lab/results/testdata/synth/gen.sh
//
// which lists every generated file and the flags it is made with.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
)

var (
	host     = flag.String("host", "vm", "host config value")
	backend  = flag.String("backend", "kvm_pvm", "kvm-backend config value")
	kernel   = flag.String("kernel", "6.18.44-pvm", "kernel config value")
	cpu      = flag.String("cpu", "AMD EPYC 7B13", "cpu config value")
	commit   = flag.String("commit", "abc1234", "commit config value")
	seed     = flag.Uint64("seed", 1, "random seed")
	samples  = flag.Int("n", 10, "samples per configuration")
	speed    = flag.Float64("speed", 1, "divide every time by this")
	syncRegs = flag.Bool("syncregs", false, "model KVM_CAP_SYNC_REGS")
	sweeps   = flag.Bool("sweeps", true, "emit the size sweeps")
	pool     = flag.Bool("pool", true, "emit BenchmarkPool")
	floor    = flag.Bool("floor", true, "emit BenchmarkFloor")
)

var strategies = []string{
	"strict", "subset", "subset:scratch_size", "adopt", "adopt-remap-first",
}

const kib, mib = 1 << 10, 1 << 20

// restore describes the medians of one Restore configuration, in ns.
type restore struct {
	name                          string
	restore, firstCall            float64
	admit, remap, reset, pt, vcpu float64
	fallback, faults              float64
}

func main() {
	flag.Parse()
	rng := rand.New(rand.NewPCG(*seed, 0x5eed))
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	header(w)
	lines := configurations()
	for range *samples {
		for _, l := range lines {
			fmt.Fprintln(w, l(rng))
		}
	}
	fmt.Fprintln(w, "PASS")
	fmt.Fprintln(w, "ok  \tsnaplab/bench\t42.137s")
}

func header(w *bufio.Writer) {
	fmt.Fprintln(w, "goos: linux")
	fmt.Fprintln(w, "goarch: amd64")
	fmt.Fprintln(w, "pkg: snaplab/bench")
	fmt.Fprintf(w, "cpu: %s\n", *cpu)
	fmt.Fprintf(w, "kernel: %s\n", *kernel)
	fmt.Fprintf(w, "kvm-backend: %s\n", *backend)
	fmt.Fprintf(w, "commit: %s\n", *commit)
	fmt.Fprintln(w, "scenario: default")
	fmt.Fprintln(w, "scenario-digest: sha256:"+
		"9f2c1e0b7d4a5c3e8f6a1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a")
	fmt.Fprintf(w, "host: %s\n", *host)
	for _, u := range []string{
		"restore-ns/op", "first-call-ns/op", "admit-ns/op",
		"remap-ns/op", "reset-ns/op", "pt-ns/op", "vcpu-ns/op",
		"fallback/op", "faults/op", "p50-ns/op", "p99-ns/op",
	} {
		fmt.Fprintf(w, "Unit %s better=lower\n", u)
	}
	fmt.Fprintln(w, "Unit restores/s better=higher")
}

// line renders one sample of a configuration.
type line func(*rand.Rand) string

func configurations() []line {
	var out []line
	for _, c := range []struct{ name, heap string }{
		{"same", "128KiB"}, {"heap-grow", "256KiB"},
		{"heap-shrink", "64KiB"},
	} {
		for _, s := range strategies {
			r := crossLayout(c.name, s)
			out = append(out, restoreLine(c.name, s,
				"guest-cow", c.heap, "288KiB", r))
		}
		if *floor {
			out = append(out, floorLine(c.name, "guest-cow",
				c.heap, "288KiB", floorCost(c.name)))
		}
	}
	if *sweeps {
		out = append(out, sweepLines()...)
	}
	if *pool {
		for _, s := range []string{"strict", "adopt"} {
			out = append(out, poolLine(s))
		}
	}
	return out
}

// vcpu is the register restore: four vCPU ioctls at ≈ 6.7 µs, two
// fewer when the registers ride along with KVM_RUN.
func vcpu() float64 {
	if *syncRegs {
		return 13_600
	}
	return 27_000
}

func crossLayout(name, strategy string) restore {
	r := restore{admit: 150, reset: 9_000, pt: 1_500,
		vcpu: vcpu(), faults: 2, firstCall: 58_000}
	if strategy == "strict" {
		r.admit = 180
	} else if strategy == "adopt" || strategy == "adopt-remap-first" {
		r.admit = 90
	}
	switch name {
	case "heap-grow":
		r.remap = 232_000
		r.firstCall = 76_000
		r.faults = 3
	case "heap-shrink":
		r.remap = 214_000
		r.firstCall = 71_000
		r.faults = 3
	}
	if strategy == "adopt" && name != "same" {
		// Unmapping the dynamic regions first costs one more
		// slot operation than the remap-first order.
		r.remap += 4_000
	}
	r.restore = r.admit + r.remap + r.reset + r.pt + r.vcpu + 6_000
	if strategy == "strict" && name != "same" {
		// The fallback: tear the sandbox down and build a fresh
		// one from the snapshot.
		r = restore{admit: 180, restore: 935_000, firstCall: 61_000,
			fallback: 1, faults: 2}
	}
	r.name = name
	return r
}

func floorCost(name string) restore {
	r := restore{restore: 37_000, firstCall: 52_000}
	switch name {
	case "heap-grow":
		r.restore = 230_000
		r.firstCall = 70_000
	case "heap-shrink":
		r.restore = 215_000
		r.firstCall = 66_000
	}
	return r
}

func sweepLines() []line {
	var out []line
	heaps := []uint64{128 * kib, mib, 4 * mib, 16 * mib, 64 * mib,
		256 * mib}
	for _, mem := range []string{"guest-cow", "copy"} {
		for _, h := range heaps {
			name := "heap-" + size(h)
			scratch := scratchFor(h)
			for _, s := range strategies {
				if mem == "copy" && s != "strict" && s != "adopt" {
					continue
				}
				out = append(out, restoreLine(name, s, mem,
					size(h), size(scratch), sweepCost(mem, h,
						scratch, s)))
			}
			if *floor {
				f := sweepCost(mem, h, scratch, "floor")
				out = append(out, floorLine(name, mem, size(h),
					size(scratch), f))
			}
		}
	}
	for _, sc := range []uint64{288 * kib, mib, 4 * mib, 16 * mib,
		64 * mib} {
		name := "scratch-" + size(sc)
		for _, s := range strategies {
			out = append(out, restoreLine(name, s, "guest-cow",
				"128KiB", size(sc), scratchCost(sc, s)))
		}
	}
	return out
}

// scratchFor is the scratch size that holds I/O, the page tables of
// a heap of h bytes and a dozen free pages.
func scratchFor(h uint64) uint64 {
	pt := h / 512
	sc := 288*kib + pt
	return (sc + 32*kib - 1) / (32 * kib) * (32 * kib)
}

func sweepCost(mem string, heap, scratch uint64, strategy string) restore {
	r := restore{admit: 150, reset: 9_000, vcpu: vcpu(), faults: 2,
		firstCall: 58_000}
	// The PT tail grows with the heap and is copied at ≈ 13 GB/s,
	// plus a fixed cost per PT page touched.
	ptBytes := float64(heap)/512 + 16*kib
	r.pt = 1_200 + ptBytes/13 + ptBytes/4096*40
	if mem == "copy" {
		// The whole snapshot region is copied back.
		r.reset = float64(heap+192*kib) / 13
	}
	r.restore = r.admit + r.reset + r.pt + r.vcpu + 6_000
	if strategy == "floor" {
		r.restore -= 9_000 + r.admit
		r.firstCall = 52_000
	}
	return r
}

func scratchCost(scratch uint64, strategy string) restore {
	r := restore{admit: 150, pt: 1_500, vcpu: vcpu(), faults: 2,
		firstCall: 58_000}
	// madvise walks the whole mapping even when few pages are
	// resident.
	r.reset = 8_500 + float64(scratch)/(64*kib)*35
	r.restore = r.admit + r.reset + r.pt + r.vcpu + 6_000
	return r
}

func restoreLine(c, strategy, mem, heap, scratch string, r restore) line {
	name := fmt.Sprintf("BenchmarkRestore/scenario=default/case=%s/"+
		"strategy=%s/mem=%s/heap=%s/scratch=%s-2",
		c, strategy, mem, heap, scratch)
	return func(rng *rand.Rand) string {
		rest := noisy(rng, r.restore)
		first := noisy(rng, r.firstCall)
		op := rest + first + noisy(rng, 3_000)
		s := fmt.Sprintf("%s\t%8d\t%10.0f ns/op\t%10.0f restore-ns/op"+
			"\t%10.0f first-call-ns/op\t%6.0f admit-ns/op",
			name, iterations(op), op, rest, first,
			noisy(rng, r.admit))
		if r.fallback == 0 {
			s += fmt.Sprintf("\t%8.0f remap-ns/op\t%8.0f reset-ns/op"+
				"\t%8.0f pt-ns/op\t%8.0f vcpu-ns/op",
				noisy(rng, r.remap), noisy(rng, r.reset),
				noisy(rng, r.pt), noisy(rng, r.vcpu))
		}
		return s + fmt.Sprintf("\t%g fallback/op\t%g faults/op",
			r.fallback, r.faults)
	}
}

func floorLine(c, mem, heap, scratch string, r restore) line {
	name := fmt.Sprintf("BenchmarkFloor/scenario=default/case=%s/"+
		"mem=%s/heap=%s/scratch=%s-2", c, mem, heap, scratch)
	return func(rng *rand.Rand) string {
		rest := noisy(rng, r.restore)
		first := noisy(rng, r.firstCall)
		op := rest + first + noisy(rng, 1_500)
		return fmt.Sprintf("%s\t%8d\t%10.0f ns/op\t%10.0f restore-ns/op"+
			"\t%10.0f first-call-ns/op",
			name, iterations(op), op, rest, first)
	}
}

func poolLine(strategy string) line {
	name := fmt.Sprintf("BenchmarkPool/scenario=pool/strategy=%s/"+
		"sandboxes=4/snapshots=8-2", strategy)
	p50 := 48_000.0
	if strategy == "strict" {
		// Seven of eight snapshots have another layout.
		p50 = 930_000
	}
	return func(rng *rand.Rand) string {
		med := noisy(rng, p50)
		p99 := med * (1.6 + 0.2*rng.Float64())
		mean := med * 1.08
		op := mean * 64
		return fmt.Sprintf("%s\t%8d\t%10.0f ns/op\t%8.1f restores/s"+
			"\t%10.0f p50-ns/op\t%10.0f p99-ns/op\t%10.0f restore-ns/op",
			name, 1, op, 4e9/op*64/4, med, p99, mean)
	}
}

// noisy draws a sample around median m: log-normal with a 3 % spread
// and now and then a slow outlier, as preemption gives on a shared
// host.
func noisy(rng *rand.Rand, m float64) float64 {
	if m == 0 {
		return 0
	}
	v := m / *speed * math.Exp(0.03*rng.NormFloat64())
	if rng.IntN(20) == 0 {
		v *= 1.1 + 0.3*rng.Float64()
	}
	return math.Round(v)
}

// iterations is what -benchtime=Nx gives for one configuration.
func iterations(op float64) int {
	if op > 5e6 {
		return 20
	}
	return 200
}

func size(n uint64) string {
	switch {
	case n >= mib && n%mib == 0:
		return fmt.Sprintf("%dMiB", n/mib)
	case n >= kib && n%kib == 0:
		return fmt.Sprintf("%dKiB", n/kib)
	}
	return fmt.Sprintf("%dB", n)
}
