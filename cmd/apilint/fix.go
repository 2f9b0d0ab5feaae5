package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"

	"github.com/apilint/apilint/internal/driver"
	"github.com/apilint/apilint/internal/report"
	"github.com/apilint/apilint/internal/rewrite"
)

// applyFixes applies the suggested fixes of fs as one transaction
// (internal/rewrite): files must still be what was analysed, nothing is
// written that does not parse, each file is replaced atomically, and a
// second apilint --fix in the same tree waits. It says on stderr what it
// changed and what it did not, and returns the findings whose fix was not
// applied (they are still to be reported).
func applyFixes(stderr io.Writer, fs []report.Finding, res *driver.Result) ([]report.Finding, error) {
	var fixes []rewrite.Fix
	for i, f := range fs {
		if f.Fix == nil {
			continue
		}
		fix := rewrite.Fix{ID: i, Message: f.Fix.Message}
		for _, e := range f.Fix.Edits {
			fix.Edits = append(fix.Edits, rewrite.Edit{File: e.File, Start: e.Start, End: e.End, New: e.New})
		}
		fixes = append(fixes, fix)
	}
	if len(fixes) == 0 {
		fmt.Fprintln(stderr, "apilint: no finding has a fix to apply")
		return fs, nil
	}
	snap := rewrite.Snapshot{}
	for file, sum := range res.Snapshot {
		snap[file] = sum
	}
	result, err := rewrite.Apply(fixes, snap, rewrite.Options{LockDir: res.Root})
	if result != nil {
		fmt.Fprintf(stderr, "apilint: applied %s to %s\n", count(len(result.Applied), "fix"), count(len(result.Written), "file"))
		for _, f := range result.Written {
			fmt.Fprintf(stderr, "apilint: changed %s\n", rel(res.Root, f))
		}
		for _, f := range result.UnchangedFiles() {
			fmt.Fprintf(stderr, "apilint: left %s unchanged: %s\n", rel(res.Root, f), result.Unchanged[f])
		}
		for _, id := range result.SkippedIDs() {
			x := fs[id]
			fmt.Fprintf(stderr, "apilint: did not apply the fix of %s:%d (%s): %s\n", x.File, x.Line, x.Rule, result.Skipped[id])
		}
	}
	if result != nil && result.Signal != nil {
		// Stopped by Ctrl-C or SIGTERM: every file is whole (old or new
		// text), and the lines above say which changed. Die of the signal,
		// as an interrupted program does.
		if s, ok := result.Signal.(syscall.Signal); ok {
			signalSelf(s)
		}
	}
	if err != nil {
		var inc *rewrite.IncompleteError
		if errors.As(err, &inc) || errors.Is(err, rewrite.ErrLocked) {
			return nil, err
		}
		return nil, fmt.Errorf("--fix: %w", err)
	}
	applied := make(map[int]bool)
	for _, id := range result.Applied {
		applied[id] = true
	}
	var left []report.Finding
	for i, f := range fs {
		if !applied[i] {
			left = append(left, f)
		}
	}
	return left, nil
}

// rel shows file relative to root when it is inside.
func rel(root, file string) string {
	if r, err := filepath.Rel(root, file); err == nil && !filepath.IsAbs(r) && len(r) > 0 && r[0] != '.' {
		return r
	}
	return file
}

// signalSelf ends the process with s, its default action.
func signalSelf(s syscall.Signal) {
	p, err := os.FindProcess(os.Getpid())
	if err == nil {
		p.Signal(s)
	}
}
