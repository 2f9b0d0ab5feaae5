package rewrite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"
)

// Options configures Apply.
type Options struct {
	// LockDir is the directory (the module root) on which an advisory
	// lock is held for the whole of Apply, so that a second apilint --fix
	// in the same tree waits for the first instead of interleaving with
	// it. Required.
	LockDir string
	// LockWait bounds that wait; then Apply refuses with an error
	// wrapping ErrLocked. Zero means DefaultLockWait.
	LockWait time.Duration
	// Format turns a file's edited text into its final text. nil means
	// go/format.Source for Go files, and the edited text as it is for
	// other files.
	Format func(path string, src []byte) ([]byte, error)
	// OnWrite, if not nil, is called with each file's path right after
	// the file is replaced, before the next one: a command can show
	// progress, and a test can see where the write phase is.
	OnWrite func(path string)
}

// Apply applies fixes to their files as one transaction: it plans every
// file's new text, checks that each file is as snap recorded and can be
// written, and only then replaces the files, each atomically, in sorted
// order. The package documentation explains each step.
//
// The Result is never nil, and accounts for every fix and file. A fix
// that is skipped is not an error: the Result says why. The error is nil
// when every planned file was written. It wraps ErrLocked when another
// run held the lock for longer than Options.LockWait, and ErrInterrupted
// when SIGINT or SIGTERM stopped Apply; once Apply holds the lock, a
// signal or a failed write gives an *IncompleteError, which lists the
// files changed and the files left as they were. Result.Signal reports a
// signal in every case; see there for what the caller should do.
func Apply(fixes []Fix, snap Snapshot, opts Options) (*Result, error) {
	fixes, err := normalize(fixes)
	if err == nil && opts.LockDir == "" {
		err = errors.New("rewrite.Apply: Options.LockDir is empty; it names the tree to lock")
	}
	if err != nil {
		return abandoned(fixes, err.Error()), err
	}
	in := catchInterrupts()
	res, err := apply(fixes, snap, opts, in)
	if s := in.stop(); s != nil {
		res.Signal = s
	}
	return res, err
}

// apply is Apply with the signals caught: lock, check, plan, write.
func apply(fixes []Fix, snap Snapshot, opts Options, in *interrupts) (*Result, error) {
	lock, err := lockTree(opts.LockDir, opts.LockWait, in)
	if err != nil {
		return abandoned(fixes, err.Error()), err
	}
	defer lock.unlock()

	stopped := func() bool { return in.arrived() != nil }
	files := targetFiles(fixes)
	targets := make(map[string]*target, len(files))
	norm := snap.normalized()
	dirs := make(map[string]error)
	for _, file := range files {
		if stopped() {
			return interruptedBeforePlan(fixes, files, in.arrived())
		}
		targets[file] = inspect(file, norm, dirs)
	}
	markAliases(files, targets)
	format := formatFunc(gofmt)
	if opts.Format != nil {
		format = opts.Format
	}
	p, ok := makePlan(fixes, targets, format, stopped)
	if !ok {
		return interruptedBeforePlan(fixes, files, in.arrived())
	}
	return write(fixes, p, opts, in)
}

// write stages every planned file, then replaces them in path order,
// checking for a signal before each rename. Staging all files first means
// a full disk or an I/O error stops Apply before it has changed any
// file; the replacements that follow are renames, quick and atomic, so
// a signal can only land between two of them.
func write(fixes []Fix, p *plan, opts Options, in *interrupts) (*Result, error) {
	stop := func(cause error, written map[string]bool) (*Result, error) {
		res := conclude(fixes, p, written, cause.Error())
		return res, &IncompleteError{Cause: cause, Changed: res.Written, NotChanged: notWritten(p, written)}
	}
	ready, err := stageAll(p.changes, in)
	if err != nil {
		return stop(err, nil)
	}
	written := make(map[string]bool, len(ready))
	var cause error
	for i, s := range ready {
		if sig := in.arrived(); sig != nil {
			cause = fmt.Errorf("%w by %s", ErrInterrupted, signalName(sig))
		} else if err := s.commit(); err != nil {
			cause = err
		}
		if cause != nil {
			discardAll(ready[i:])
			break
		}
		written[s.path] = true
		if opts.OnWrite != nil {
			opts.OnWrite(s.path)
		}
	}
	syncErr := syncDirs(ready, written)
	if cause != nil {
		return stop(cause, written)
	}
	res := conclude(fixes, p, written, "")
	if syncErr != nil {
		return res, fmt.Errorf("files written, but not yet safe from a power cut: %w", syncErr)
	}
	return res, nil
}

// syncDirs syncs, once each, the directories of the files written.
func syncDirs(ready []*staged, written map[string]bool) error {
	dirs := make(map[string]bool)
	for _, s := range ready {
		if written[s.path] {
			dirs[filepath.Dir(s.target)] = true
		}
	}
	var errs []error
	for _, dir := range sortedKeys(dirs) {
		errs = append(errs, syncDir(dir))
	}
	return errors.Join(errs...)
}

// notWritten returns the planned files not in written, sorted.
func notWritten(p *plan, written map[string]bool) []string {
	var files []string
	for _, c := range p.changes {
		if !written[c.t.path] {
			files = append(files, c.t.path)
		}
	}
	return files
}

// interruptedBeforePlan reports a signal that arrived while files were
// being checked or planned: nothing was changed.
func interruptedBeforePlan(fixes []Fix, files []string, s os.Signal) (*Result, error) {
	cause := fmt.Errorf("%w by %s before writing", ErrInterrupted, signalName(s))
	return abandoned(fixes, cause.Error()), &IncompleteError{Cause: cause, NotChanged: files}
}

// normalize returns a copy of fixes sorted by ID, each with its edits'
// paths cleaned, sorted, and identical edits merged, so that nothing
// downstream depends on the order analyzers reported them in. Duplicate
// IDs are the caller's bug: a Result could not tell the fixes apart.
func normalize(fixes []Fix) ([]Fix, error) {
	out := make([]Fix, len(fixes))
	for i, f := range fixes {
		edits := make([]Edit, 0, len(f.Edits))
		for _, e := range f.Edits {
			edits = append(edits, cleanFile(e))
		}
		sortEdits(edits)
		f.Edits = compactEdits(edits)
		out[i] = f
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	for i := 1; i < len(out); i++ {
		if out[i].ID == out[i-1].ID {
			return out, fmt.Errorf("rewrite.Apply: fix ID %d is used twice", out[i].ID)
		}
	}
	return out, nil
}

// compactEdits drops repeats of an edit from sorted edits.
func compactEdits(edits []Edit) []Edit {
	return slices.CompactFunc(edits, func(a, b Edit) bool { return a.File == b.File && sameEdit(a, b) })
}

// targetFiles returns every file the fixes edit, sorted.
func targetFiles(fixes []Fix) []string {
	seen := make(map[string]bool)
	for _, f := range fixes {
		for _, e := range f.Edits {
			seen[e.File] = true
		}
	}
	return sortedKeys(seen)
}
