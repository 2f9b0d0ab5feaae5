package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// vetHeapLimit is the heap a vet tool process grows to before it first
// collects garbage.
const vetHeapLimit = 96 << 20

// tuneVetGC sets the collector for the vet tool's processes. go vet
// starts one short-lived process per package and most allocate a few
// tens of megabytes, so collecting garbage before the heap reaches
// vetHeapLimit costs time and saves nothing. A package whose live heap
// exceeds half of the limit goes back to the default pacing, so that the
// limit never makes the collector run back to back. GOGC and GOMEMLIMIT,
// when set, win.
func tuneVetGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(vetHeapLimit)
	watchHeap()
}

// gcToken is allocated only to be finalized after the next collection;
// it holds a pointer so that it is never a tiny allocation, whose
// finalizer might not run.
type gcToken struct {
	_ *byte
	_ [24]byte
}

// watchHeap checks the live heap after every collection.
func watchHeap() {
	runtime.SetFinalizer(new(gcToken), func(*gcToken) {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > vetHeapLimit/2 {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		watchHeap()
	})
}

// tuneDiffGC sets the collector for contract diff. oasdiff's checks walk
// every schema of every operation and make a great deal of short-lived
// garbage while the live heap stays small, so the default pacing collects
// very often: on Stripe's specs, GOGC=150 takes a tenth off the wall time
// for about half as much more peak memory. GOGC, when set, wins.
func tuneDiffGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(150)
	}
}
