package evidence

import (
	"slices"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
	"snaplab/vmcore/strategy"
)

// timeRestores measures, in one interleaved loop, the median time of
// a same-layout restore and of restoring sn under adopt into a default
// sandbox, both as restore measures itself on the vCPU thread, and the
// median wall time of strict's fallback: a fresh sandbox from sn plus
// closing the old one. Wall time for restores would add Go scheduler
// and garbage-collector pauses that, on two nested cores, reach
// hundreds of microseconds and have nothing to do with restore.
func timeRestores(sn *vmcore.Snapshot, samples int) (same, cross,
	fallback int64, err error) {
	s, err := vmcore.New(config(layout.Default()))
	if err != nil {
		return 0, 0, 0, err
	}
	defer s.Close()
	own, err := s.Snapshot()
	if err != nil {
		return 0, 0, 0, err
	}
	defer own.Release()
	adopt := strategy.MustNew(strategy.Adopt)

	var sameT, crossT, fallT []int64
	timed := func(f func() error) (int64, error) {
		start := time.Now()
		err := f()
		return time.Since(start).Nanoseconds(), err
	}
	for range samples {
		if err := s.Restore(own, adopt); err != nil {
			return 0, 0, 0, err
		}
		if err := s.Restore(own, adopt); err != nil {
			return 0, 0, 0, err
		}
		sameT = append(sameT, s.LastRestore().Total.Nanoseconds())
		if err := s.Restore(sn, adopt); err != nil {
			return 0, 0, 0, err
		}
		crossT = append(crossT, s.LastRestore().Total.Nanoseconds())

		old, err := vmcore.New(config(layout.Default()))
		if err != nil {
			return 0, 0, 0, err
		}
		d, err := timed(func() error {
			fresh, err := vmcore.NewFromSnapshot(sn, config(layout.Default()))
			if err != nil {
				return err
			}
			old.Close()
			old = fresh
			return nil
		})
		old.Close()
		if err != nil {
			return 0, 0, 0, err
		}
		fallT = append(fallT, d)
	}
	return median(sameT), median(crossT), median(fallT), nil
}

func median(v []int64) int64 {
	slices.Sort(v)
	return v[len(v)/2]
}
