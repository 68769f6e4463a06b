#!/bin/sh
# Regenerates every synthetic raw.txt the lab's tests read. Run from the
# module root: sh lab/results/testdata/synth/gen.sh
set -e
synth="go run ./lab/results/testdata/synth"
metal="-host metal -backend kvm_intel -kernel 6.12.9 -speed 7"
metal="$metal -sweeps=false -pool=false"

mkdir -p lab/results/testdata/run-vm lab/results/testdata/run-metal
$synth -seed 1 > lab/results/testdata/run-vm/raw.txt
$synth -seed 2 $metal -cpu "Intel Xeon Gold 6338" \
	> lab/results/testdata/run-metal/raw.txt

mkdir -p lab/compare/testdata
$synth -seed 3 -sweeps=false > lab/compare/testdata/old.txt
$synth -seed 4 -sweeps=false -syncregs -commit def5678 \
	> lab/compare/testdata/new.txt

mkdir -p plots/testdata
$synth -seed 5 > plots/testdata/raw.txt

mkdir -p lab/report/testdata/run-vm lab/report/testdata/run-metal
$synth -seed 1 > lab/report/testdata/run-vm/raw.txt
$synth -seed 2 $metal -cpu "Intel Xeon Gold 6338" \
	> lab/report/testdata/run-metal/raw.txt
