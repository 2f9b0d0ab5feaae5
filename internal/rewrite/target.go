package rewrite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// target is one file that fixes edit, as Apply found it before changing
// anything.
type target struct {
	// path is the file as the edits name it; real is the same file with
	// symbolic links resolved, the one that is replaced, so that a link
	// stays a link.
	path, real string
	content    []byte
	hash       [32]byte
	info       fs.FileInfo
	mode       fs.FileMode
	// reason says why the file cannot be changed; "" when it can.
	reason string
}

// inspect reads the file at path and checks, before anything is written,
// the conditions under which replacing it is safe: its content is still
// what was analysed (else every offset in its edits may be stale), it is
// a regular file that we may write, and its directory lets us create the
// temporary file that replaces it. A failing check becomes t.reason, so
// that the file's fixes are skipped with that reason rather than
// discovered half-way through writing. dirs caches directory probes,
// because thousands of files usually share a few directories.
func inspect(path string, snap map[string]snapshotEntry, dirs map[string]error) *target {
	t := &target{path: path, real: path}
	if !filepath.IsAbs(path) {
		t.reason = "not an absolute path"
		return t
	}
	want, ok := snap[path]
	switch {
	case !ok:
		t.reason = "not in the analysis snapshot, so its offsets cannot be checked"
		return t
	case !want.ok:
		t.reason = "the analysis snapshot records two different contents for it"
		return t
	}
	real, err := replaced(path)
	if err != nil {
		t.reason = fmt.Sprintf("cannot read: %v", unwrapPath(err))
		return t
	}
	t.real = real
	info, err := os.Stat(real)
	if err != nil {
		t.reason = fmt.Sprintf("cannot stat: %v", err)
		return t
	}
	if !info.Mode().IsRegular() {
		t.reason = "not a regular file"
		return t
	}
	content, err := os.ReadFile(real)
	if err != nil {
		t.reason = fmt.Sprintf("cannot read: %v", unwrapPath(err))
		return t
	}
	if Hash(content) != want.hash {
		t.reason = "changed since analysis"
		return t
	}
	t.content, t.hash, t.info, t.mode = content, want.hash, info, info.Mode()&keptMode
	// Replacing a file by rename needs only its directory to be
	// writable, but a file the user made read-only is one they do not
	// want changed, as os.WriteFile would have respected.
	if err := mayWrite(real); err != nil {
		t.reason = fmt.Sprintf("not writable: %v", err)
		return t
	}
	dir := filepath.Dir(real)
	err, seen := dirs[dir]
	if !seen {
		err = mayCreateIn(dir)
		dirs[dir] = err
	}
	if err != nil {
		t.reason = fmt.Sprintf("its directory is not writable: %v", err)
	}
	return t
}

// markAliases gives a reason to each target that is the same file as
// another target under another name (through a symbolic or a hard link).
// Each name would get its own copy of the text with its own fixes, and
// the second rename would undo the first; which fixes survived would
// then depend on the order of the names. Only files with equal content
// can be the same file, so only those are compared.
func markAliases(files []string, targets map[string]*target) {
	same := make(map[[32]byte][]*target)
	for _, f := range files {
		if t := targets[f]; t.reason == "" {
			same[t.hash] = append(same[t.hash], t)
		}
	}
	for _, group := range same {
		aliases := make(map[*target][]string)
		for i, t := range group {
			for _, u := range group[i+1:] {
				if os.SameFile(t.info, u.info) {
					aliases[t] = append(aliases[t], u.path)
					aliases[u] = append(aliases[u], t.path)
				}
			}
		}
		for t, names := range aliases {
			sort.Strings(names)
			t.reason = fmt.Sprintf("the same file as %s: fixes name it more than one way", strings.Join(names, ", "))
		}
	}
}

// unwrapPath drops the operation and path that os errors repeat, since
// the reasons Apply reports are already keyed by file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
