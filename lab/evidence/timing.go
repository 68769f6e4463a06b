package evidence

import (
	"slices"
	"time"

	"snaplab/vmcore"
	"snaplab/vmcore/layout"
	"snaplab/vmcore/strategy"
)

// timeRestores measures, in one interleaved loop, the median wall
// time of a same-layout restore and of restoring sn under adopt into
// a default sandbox, and of strict's fallback: a fresh sandbox from
// sn plus closing the old one.
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
		d, err := timed(func() error { return s.Restore(own, adopt) })
		if err != nil {
			return 0, 0, 0, err
		}
		sameT = append(sameT, d)
		if d, err = timed(func() error { return s.Restore(sn, adopt) }); err != nil {
			return 0, 0, 0, err
		}
		crossT = append(crossT, d)

		old, err := vmcore.New(config(layout.Default()))
		if err != nil {
			return 0, 0, 0, err
		}
		d, err = timed(func() error {
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
