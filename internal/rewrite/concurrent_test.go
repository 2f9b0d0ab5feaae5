package rewrite

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestConcurrentApplies runs two apilint --fix processes on one tree
// with the same fixes and snapshot. This test holds the tree's lock while
// they start, so that they really contend for it, and a third process,
// told not to wait, refuses. Whichever of the two gets the lock first
// applies every fix; the other waits, then finds every file changed
// since analysis and applies none, so each file ends with exactly one
// application.
func TestConcurrentApplies(t *testing.T) {
	dir := t.TempDir()
	fixes, snap, paths, _, after := jobFiles(t, dir, 30)
	// One fix spans two files, so that a double application would show
	// in both.
	fixes = append(fixes, Fix{ID: 100, Edits: []Edit{ed(paths[0], 0, 0, "// both\n"), ed(paths[1], 0, 0, "// both\n")}})
	after[0], after[1] = "// both\n"+after[0], "// both\n"+after[1]

	held, err := lockTree(dir, time.Second, pending())
	if err != nil {
		t.Fatal(err)
	}
	j := job{Fixes: fixes, Snapshot: snap, LockDir: dir, LockWait: time.Minute}
	first, second := startHelper(t, j), startHelper(t, j)
	for _, h := range []*helper{first, second} {
		if line := h.next(); line != "ready" {
			t.Fatalf("helper printed %q before ready", line)
		}
	}
	impatient := startHelper(t, job{Fixes: fixes, Snapshot: snap, LockDir: dir, LockWait: time.Millisecond})
	_, refused, err := impatient.finish(t, nil)
	if err != nil || refused == nil || !strings.Contains(refused.Err, "another apilint --fix is running in "+dir) ||
		len(refused.Written) != 0 {
		t.Errorf("a run that may not wait for the lock: %+v, %v", refused, err)
	}
	if err := held.unlock(); err != nil {
		t.Fatal(err)
	}

	var results []*helperResult
	for _, h := range []*helper{first, second} {
		wrote, res, err := h.finish(t, nil)
		if err != nil || res == nil || res.Err != "" {
			t.Fatalf("helper: %+v, %v", res, err)
		}
		if !slices.Equal(wrote, res.Written) {
			t.Errorf("helper reported writing %v, its result says %v", wrote, res.Written)
		}
		results = append(results, res)
	}
	if len(results[0].Written) == 0 {
		results[0], results[1] = results[1], results[0]
	}
	winner, loser := results[0], results[1]
	if len(winner.Written) != len(paths) || len(winner.Applied) != len(fixes) {
		t.Errorf("the run that got the lock first wrote %d files and applied %d fixes, want %d and %d",
			len(winner.Written), len(winner.Applied), len(paths), len(fixes))
	}
	if len(loser.Written) != 0 || len(loser.Applied) != 0 || len(loser.Skipped) != len(fixes) {
		t.Errorf("the run that waited wrote %v and applied %v", loser.Written, loser.Applied)
	}
	for id, why := range loser.Skipped {
		if !strings.HasSuffix(why, ": changed since analysis") {
			t.Errorf("the run that waited skipped fix %d for %q", id, why)
		}
	}
	for i, p := range paths {
		if got := readFile(t, p); got != after[i] {
			t.Errorf("%s = %q, want one application: %q", p, got, after[i])
		}
	}
	noLeftovers(t, dir)
}
