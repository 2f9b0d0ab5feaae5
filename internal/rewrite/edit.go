package rewrite

import (
	"fmt"
	"path/filepath"
	"sort"
)

// Edit replaces the bytes [Start, End) of File with New. File is an
// absolute path; Start == End inserts New at Start.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// Fix is one suggested fix. Its edits apply together or not at all,
// because half a fix (a call rewritten without the import it needs) is
// usually worse than none.
type Fix struct {
	// ID identifies the fix in a Result. IDs are unique, and a lower ID
	// wins when two fixes conflict, so callers number fixes in the order
	// they prefer them (the order of the findings, for apilint).
	ID      int
	Message string
	Edits   []Edit
}

// position names a byte offset in a file the way gopls does
// (file.go:#120), so that a reason can be pasted into an editor.
func position(file string, offset int) string {
	return fmt.Sprintf("%s:#%d", file, offset)
}

// isInsertion reports whether e inserts text without removing any.
func (e Edit) isInsertion() bool { return e.Start == e.End }

// conflicts reports whether applying both a and b to the same file has
// no single meaning. Ranges that share a byte conflict, and so do two
// insertions at the same offset, because nothing says which text comes
// first. An insertion at either end of a replaced range does not: it
// goes before or after the replacement. Ranges that only touch
// ([0,10) and [10,20)) do not conflict. Identical edits are not a
// conflict either: they are one shared edit (two fixes that add the
// same import), so callers check sameEdit first.
func conflicts(a, b Edit) bool {
	if a.isInsertion() && b.isInsertion() {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End
}

// sameEdit reports whether a and b make exactly the same change.
func sameEdit(a, b Edit) bool {
	return a.Start == b.Start && a.End == b.End && a.New == b.New
}

// overlapAt is the offset reported for a conflict between a and b: the
// first byte both touch.
func overlapAt(a, b Edit) int {
	return max(a.Start, b.Start)
}

// sortEdits orders edits by file, then start, then end, then text, so
// that everything computed from them is independent of the order in
// which analyzers produced them.
func sortEdits(edits []Edit) {
	sort.Slice(edits, func(i, j int) bool {
		a, b := edits[i], edits[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.New < b.New
	})
}

// cleanFile normalises an edit's path, so that two spellings of one file
// (a/./b.go and a/b.go) are grouped together.
func cleanFile(e Edit) Edit {
	e.File = filepath.Clean(e.File)
	return e
}
