package run

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"snaplab/vmcore"
)

// Run runs the scenarios of opts and writes raw.txt in a new run
// directory; see the package documentation.
func Run(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	if len(opts.Scenarios) == 0 {
		return nil, errors.New("run: no scenario files")
	}
	plan, err := newPlan(opts)
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	if err := vmcore.Available(); err != nil {
		return nil, fmt.Errorf("run: KVM unavailable: %w", err)
	}
	root := opts.Root
	if root == "" {
		if root, err = FindRoot("."); err != nil {
			return nil, fmt.Errorf("run: %w", err)
		}
	}

	tmp, err := os.MkdirTemp("", "snaplab-run-")
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	defer os.RemoveAll(tmp)
	bin, err := compile(ctx, root, tmp)
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}

	out := opts.Out
	if out == "" {
		out = filepath.Join(root, "results")
	}
	dir, err := makeRunDir(out, start, plan.names())
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	raw, err := newRawWriter(dir, header(ctx, root))
	if err != nil {
		os.Remove(dir)
		return nil, fmt.Errorf("run: %w", err)
	}

	res := &Result{Dir: dir}
	err = plan.execute(ctx, bin, filepath.Join(root, "bench"), raw, res,
		opts.Progress)
	if err == nil {
		res.Raw, err = raw.commit()
	}
	if err != nil {
		if partial := raw.abandon(); partial != "" {
			return nil, fmt.Errorf("run: %w (results so far in %s)",
				err, partial)
		}
		os.Remove(dir)
		return nil, fmt.Errorf("run: %w", err)
	}
	res.Lines = raw.lines
	res.Elapsed = time.Since(start)
	return res, nil
}

// makeRunDir creates out/YYYYMMDD-HHMMSS-NAMES, NAMES the scenario
// names joined by "+", adding a counter if a run of the same second
// already has the name.
func makeRunDir(out string, at time.Time, names []string) (string, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	base := filepath.Join(out, at.Format("20060102-150405")+"-"+
		strings.Join(names, "+"))
	dir := base
	for n := 2; ; n++ {
		err := os.Mkdir(dir, 0o755)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, os.ErrExist) || n > 100 {
			return "", fmt.Errorf("create run directory: %w", err)
		}
		dir = fmt.Sprintf("%s_%d", base, n)
	}
}
