package rewrite

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// stageWorkers is how many files are staged at once. Staging is mostly
// waiting for fsync, and file systems fold concurrent syncs into one
// journal commit, so a few workers make a run over thousands of files
// several times faster; the renames that follow still run one by one,
// in order.
const stageWorkers = 16

// stageAll stages every change and returns them in the order of changes.
// If a signal arrives or a file cannot be staged, it discards every
// staged file and returns why: nothing has changed yet, and nothing
// will. Of several failures, the one in the earliest file is reported.
func stageAll(changes []change, in *interrupts) ([]*staged, error) {
	ready := make([]*staged, len(changes))
	errs := make([]error, len(changes))
	var next atomic.Int64
	var halt atomic.Bool
	var wg sync.WaitGroup
	for range min(stageWorkers, len(changes)) {
		wg.Go(func() {
			for !halt.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(changes) {
					return
				}
				c := changes[i]
				if ready[i], errs[i] = stage(c.t.path, c.text, c.t.mode); errs[i] != nil {
					halt.Store(true)
				}
			}
		})
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	if in.until(done) != nil {
		halt.Store(true)
		<-done
	}
	var cause error
	if s := in.arrived(); s != nil {
		cause = fmt.Errorf("%w by %s before writing", ErrInterrupted, signalName(s))
	} else {
		for _, err := range errs {
			if err != nil {
				cause = err
				break
			}
		}
	}
	if cause == nil {
		return ready, nil
	}
	discardAll(ready)
	return nil, cause
}

// discardAll removes the temporary files of staged (nil entries are
// skipped), in parallel: after a Ctrl-C, thousands of them should not
// keep the user waiting.
func discardAll(staged []*staged) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(stageWorkers, len(staged)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(staged) {
					return
				}
				if staged[i] != nil {
					staged[i].discard()
				}
			}
		})
	}
	wg.Wait()
}
