//go:build unix

package rewrite

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestSignalsWhileApplying sends SIGINT or SIGTERM to a helper process
// that applies fixes to 3000 files, at points chosen by a seeded random
// source: as Apply starts (it is then checking, planning or staging), or
// right after the helper reports replacing its k-th file (the signal
// then lands among the renames that follow). Whatever the point, every
// file must be byte for byte its old or its new text, the files with new
// text must be exactly those the helper reported, no temporary file may
// remain, and the helper's result must agree.
//
// Each round starts from the state the previous one left: a file's two
// texts swap roles once it is written, so no round spends its time
// restoring the tree. Five rounds keep the test near 15 seconds under
// the race detector on a slow disk; REWRITE_SIGNAL_ROUNDS asks for more,
// and REWRITE_SIGNAL_SEED repeats a run.
func TestSignalsWhileApplying(t *testing.T) {
	if testing.Short() {
		t.Skip("writes thousands of files several times")
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("REWRITE_SIGNAL_SEED"); s != "" {
		if _, err := fmt.Sscan(s, &seed); err != nil {
			t.Fatalf("REWRITE_SIGNAL_SEED: %v", err)
		}
	}
	t.Logf("seed %d (set REWRITE_SIGNAL_SEED to repeat)", seed)
	rounds := 5
	if s := os.Getenv("REWRITE_SIGNAL_ROUNDS"); s != "" {
		if _, err := fmt.Sscan(s, &rounds); err != nil {
			t.Fatalf("REWRITE_SIGNAL_ROUNDS: %v", err)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	tree := newFlipTree(t, 3000)
	for i := range rounds {
		sig := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}[i%2]
		k := -1
		name := signalName(sig) + " at start"
		if i >= 2 {
			k = rng.IntN(len(tree.paths))
			name = fmt.Sprintf("%s after %d files", signalName(sig), k+1)
		}
		if !t.Run(name, func(t *testing.T) { tree.interrupt(t, sig, k) }) {
			return
		}
	}
}

// flipTree is a tree of small files, each with two texts: the one it
// holds and the one its fix gives it.
type flipTree struct {
	dir        string
	paths      []string
	cur, other []string
}

// newFlipTree writes n files in three directories, several at a time,
// and removes them the same way at the end: on a slow disk, creating
// and deleting them one by one would take longer than the rounds. They
// are not Go files, so that the helper spends its time writing, not
// formatting.
func newFlipTree(t *testing.T, n int) *flipTree {
	tree := &flipTree{dir: t.TempDir()}
	for i := range n {
		name := filepath.Join(fmt.Sprintf("d%d", i%3), fmt.Sprintf("f%04d.txt", i))
		tree.paths = append(tree.paths, filepath.Join(tree.dir, name))
		tree.cur = append(tree.cur, fmt.Sprintf("file %d, old text %s\n", i, strings.Repeat("o", i%5)))
		tree.other = append(tree.other, fmt.Sprintf("file %d: the new text, longer than the old one %s\n", i, strings.Repeat("n", i%7)))
	}
	for d := range 3 {
		if err := os.Mkdir(filepath.Join(tree.dir, fmt.Sprintf("d%d", d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	eachFile(t, n, func(i int) error { return os.WriteFile(tree.paths[i], []byte(tree.cur[i]), 0o644) })
	t.Cleanup(func() { eachFile(t, n, func(i int) error { return os.Remove(tree.paths[i]) }) })
	return tree
}

// eachFile runs fn for 0 to n-1 on a few goroutines.
func eachFile(t *testing.T, n int, fn func(i int) error) {
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, n)
	for range 8 {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = fn(i)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
}

// job returns the fixes that give every file its other text, with the
// snapshot of the texts they hold.
func (tree *flipTree) job() job {
	j := job{Snapshot: make(Snapshot), LockDir: tree.dir}
	for i, p := range tree.paths {
		j.Fixes = append(j.Fixes, Fix{ID: i, Edits: []Edit{ed(p, 0, len(tree.cur[i]), tree.other[i])}})
		j.Snapshot.Record(p, []byte(tree.cur[i]))
	}
	return j
}

// interrupt runs a helper on the tree and sends it sig when it is about
// to call Apply (k < 0) or after it reports writing k+1 files.
func (tree *flipTree) interrupt(t *testing.T, sig syscall.Signal, k int) {
	h := startHelper(t, tree.job())
	var wrote []string
	for sent := false; !sent; {
		line := h.next()
		switch p, isWrote := strings.CutPrefix(line, "wrote "); {
		case line == "":
			t.Fatal("the helper ended before the signal was sent")
		case line == "ready":
			sent = k < 0
		case isWrote:
			wrote = append(wrote, p)
			sent = len(wrote) == k+1
		default:
			t.Fatalf("helper printed %q", line)
		}
		if sent {
			if err := h.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Fatal(err)
			}
		}
	}
	wrote, res, err := h.finish(t, wrote)
	var exit *exec.ExitError
	switch {
	case err == nil:
		// The helper finished before the signal came.
		if len(wrote) != len(tree.paths) {
			t.Errorf("the helper exited normally after writing %d of %d files", len(wrote), len(tree.paths))
		}
	case errors.As(err, &exit):
		if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
			t.Errorf("the helper exited with %v, want death by the re-raised %v", err, sig)
		}
	default:
		t.Fatal(err)
	}
	tree.checkFiles(t, wrote)
	tree.checkResult(t, wrote, res, sig)
	tree.flip(wrote)
}

// checkFiles checks that each file holds its old text or, exactly when
// the helper reported writing it, its new text.
func (tree *flipTree) checkFiles(t *testing.T, wrote []string) {
	if !slices.IsSorted(wrote) {
		t.Errorf("files were not written in sorted order")
	}
	for i, p := range tree.paths {
		want, which := tree.cur[i], "old"
		if _, ok := slices.BinarySearch(wrote, p); ok {
			want, which = tree.other[i], "new"
		}
		if got := readFile(t, p); got != want {
			t.Errorf("%s = %q (%d bytes), want its %s text %q", p, got, len(got), which, want)
		}
	}
	noLeftovers(t, tree.dir)
}

// checkResult checks the helper's report against the files it wrote.
func (tree *flipTree) checkResult(t *testing.T, wrote []string, res *helperResult, sig syscall.Signal) {
	n := len(tree.paths)
	if res == nil {
		// Killed without a result: the signal came before Apply caught
		// signals, or after it had restored them.
		if len(wrote) != 0 && len(wrote) != n {
			t.Errorf("the helper died without a result after writing %d of %d files", len(wrote), n)
		}
		return
	}
	if !slices.Equal(res.Written, wrote) {
		t.Errorf("the result lists %d files written, the helper reported %d", len(res.Written), len(wrote))
	}
	if len(res.Applied) != len(wrote) {
		t.Errorf("%d fixes applied for %d files written", len(res.Applied), len(wrote))
	}
	for _, id := range res.Applied {
		if _, ok := slices.BinarySearch(wrote, tree.paths[id]); !ok {
			t.Errorf("fix %d applied but %s not written", id, tree.paths[id])
		}
	}
	if len(res.Applied)+len(res.Skipped) != n || len(res.Written)+len(res.Unchanged) != n {
		t.Errorf("the result does not account for every fix and file: %d applied, %d skipped, %d written, %d unchanged",
			len(res.Applied), len(res.Skipped), len(res.Written), len(res.Unchanged))
	}
	if len(wrote) == n {
		return
	}
	interrupted := "interrupted by " + signalName(sig)
	if res.Signal != signalName(sig) || !strings.HasPrefix(res.Err, interrupted) {
		t.Errorf("result after %d of %d files: signal %q, error %.200q", len(wrote), n, res.Signal, res.Err)
	}
	for p, why := range res.Unchanged {
		if !strings.Contains(why, interrupted) {
			t.Errorf("%s unchanged for %q", p, why)
		}
	}
	if len(wrote) == 0 && !strings.Contains(res.Err, "no file was changed") {
		t.Errorf("error %.200q does not say that no file was changed", res.Err)
	}
	if len(wrote) > 0 && !strings.Contains(res.Err, fmt.Sprintf("changed %d files (%s, ", len(wrote), wrote[0])) {
		t.Errorf("error %.200q does not list the %d files changed", res.Err, len(wrote))
	}
}

// flip records that the files written now hold their other text.
func (tree *flipTree) flip(wrote []string) {
	for i, p := range tree.paths {
		if _, ok := slices.BinarySearch(wrote, p); ok {
			tree.cur[i], tree.other[i] = tree.other[i], tree.cur[i]
		}
	}
}
