package rewrite

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Result says what Apply did with every fix and every file it was given.
// Each fix ID is in exactly one of Applied and Skipped, and each file
// that a fix edits is in exactly one of Written and Unchanged, so that
// nothing a user asked for disappears from the report.
type Result struct {
	// Applied are the IDs of the fixes written, ascending.
	Applied []int
	// Skipped says, for each other fix, why it was not applied: it
	// overlaps an earlier fix (named, with the position), a file it
	// edits changed since analysis or cannot be written, an edited file
	// does not parse, Apply was stopped, and so on.
	Skipped map[int]string
	// Written are the files replaced, sorted.
	Written []string
	// Unchanged says, for each other file a fix edits, why it was not
	// replaced.
	Unchanged map[string]string
	// Signal is the SIGINT or SIGTERM that arrived while Apply ran, or
	// nil. Apply catches these signals so that it can stop between two
	// files and report; once it has returned, their default handling is
	// back, and the caller, having printed the Result, should honour the
	// user's request: re-raise the signal (on Unix,
	// syscall.Kill(os.Getpid(), sig)) or exit with status 128 plus the
	// signal's number, as shells expect. A signal that arrived after the
	// last file was written is reported here with a nil error.
	Signal os.Signal
}

// SkippedIDs returns the keys of r.Skipped, ascending.
func (r *Result) SkippedIDs() []int {
	ids := make([]int, 0, len(r.Skipped))
	for id := range r.Skipped {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	return ids
}

// UnchangedFiles returns the keys of r.Unchanged, sorted.
func (r *Result) UnchangedFiles() []string {
	return sortedKeys(r.Unchanged)
}

// String reports r one line per fact, in a fixed order: the files
// written, the files left unchanged and why, the fixes applied and the
// fixes skipped and why.
func (r *Result) String() string {
	var b strings.Builder
	for _, f := range r.Written {
		fmt.Fprintf(&b, "wrote %s\n", f)
	}
	for _, f := range r.UnchangedFiles() {
		fmt.Fprintf(&b, "did not change %s: %s\n", f, r.Unchanged[f])
	}
	for _, id := range r.Applied {
		fmt.Fprintf(&b, "applied fix %d\n", id)
	}
	for _, id := range r.SkippedIDs() {
		fmt.Fprintf(&b, "skipped fix %d: %s\n", id, r.Skipped[id])
	}
	if r.Signal != nil {
		fmt.Fprintf(&b, "stopped by %s\n", signalName(r.Signal))
	}
	return b.String()
}

// ErrInterrupted is wrapped by the error Apply returns when SIGINT or
// SIGTERM stopped it.
var ErrInterrupted = errors.New("interrupted")

// IncompleteError is Apply's error when it stopped (a signal, a full
// disk, a failed rename) after it had decided what to write. It names
// every file it changed and every file it meant to change and did not,
// so that the user knows the state of the tree without looking.
type IncompleteError struct {
	// Cause is why Apply stopped; errors.Is(err, ErrInterrupted) tells a
	// signal.
	Cause error
	// Changed are the files replaced before stopping, sorted.
	Changed []string
	// NotChanged are the files left as they were, sorted.
	NotChanged []string
}

func (e *IncompleteError) Error() string {
	var b strings.Builder
	b.WriteString(e.Cause.Error())
	if len(e.Changed) == 0 {
		b.WriteString(": no file was changed")
	} else {
		fmt.Fprintf(&b, ": changed %s", fileList(e.Changed))
	}
	if len(e.NotChanged) > 0 {
		fmt.Fprintf(&b, "; left %s as %s", fileList(e.NotChanged), pick(len(e.NotChanged), "it was", "they were"))
	}
	return b.String()
}

func (e *IncompleteError) Unwrap() error { return e.Cause }

// fileList spells files for a message: "1 file (a.go)", "2 files (a.go, b.go)".
func fileList(files []string) string {
	return fmt.Sprintf("%d %s (%s)", len(files), pick(len(files), "file", "files"), strings.Join(files, ", "))
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// abandoned is the Result of an Apply that stopped before it had a
// plan: nothing applied, nothing written, cause everywhere.
func abandoned(fixes []Fix, cause string) *Result {
	res := &Result{Skipped: make(map[int]string), Unchanged: make(map[string]string)}
	for _, f := range fixes {
		res.Skipped[f.ID] = "not applied: " + cause
		for _, e := range f.Edits {
			res.Unchanged[e.File] = "not changed: " + cause
		}
	}
	return res
}

// conclude is the Result of plan p once the files in written are
// replaced. A planned file that was not written, or a fix with a file
// that was not, carries cause; a fix spanning files of which only some
// were written before Apply stopped says which, because that is the one
// state a fix should never be in and the user must hear about it.
func conclude(fixes []Fix, p *plan, written map[string]bool, cause string) *Result {
	res := &Result{Skipped: make(map[int]string), Unchanged: make(map[string]string)}
	for id, r := range p.skipped {
		res.Skipped[id] = r
	}
	for f, r := range p.unchanged {
		res.Unchanged[f] = r
	}
	planned := make(map[string]bool)
	for _, c := range p.changes {
		planned[c.t.path] = true
		if written[c.t.path] {
			res.Written = append(res.Written, c.t.path)
		} else {
			res.Unchanged[c.t.path] = "not changed: " + cause
		}
	}
	byID := make(map[int]Fix, len(fixes))
	for _, f := range fixes {
		byID[f.ID] = f
	}
	for _, id := range p.applied {
		var done, missed []string
		for _, file := range filesOf(byID[id]) {
			switch {
			case planned[file] && written[file]:
				done = append(done, file)
			case planned[file]:
				missed = append(missed, file)
			}
		}
		switch {
		case len(missed) == 0:
			res.Applied = append(res.Applied, id)
		case len(done) == 0:
			res.Skipped[id] = "not applied: " + cause
		default:
			res.Skipped[id] = fmt.Sprintf("partly applied (changed %s; not %s): %s",
				strings.Join(done, ", "), strings.Join(missed, ", "), cause)
		}
	}
	return res
}
