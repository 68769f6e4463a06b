# snaplab: the two commands that matter are `make report` (the main
# job: run scenarios/default.toml and write a report) and `make test`.

GO ?= go
FUZZTIME ?= 30s

.PHONY: all guest test bench report fuzz clean

all: test

# Rebuild the embedded guest image with the system C compiler.
guest:
	$(MAKE) -C vmcore/guest

test:
	$(GO) test ./...

# Plain go test -bench over the smoke scenario; set SNAPLAB_SCENARIO
# to pick another file.
bench:
	$(GO) test -run '^$$' -bench . -benchtime 20x ./bench/

report:
	$(GO) run ./cmd/benchrun

# Every fuzz target for FUZZTIME each.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParseSize$$' -fuzztime $(FUZZTIME) ./vmcore/layout
	$(GO) test -run '^$$' -fuzz '^FuzzSnapshotValidity$$' -fuzztime $(FUZZTIME) ./vmcore
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./lab/scenario
	$(GO) test -run '^$$' -fuzz '^FuzzParseSize$$' -fuzztime $(FUZZTIME) ./lab/results

# The committed guest.elf stays: the lab must run without a compiler.
clean:
	rm -f benchrun bench.test
	$(GO) clean -testcache
