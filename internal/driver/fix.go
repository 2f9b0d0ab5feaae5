package driver

import (
	"fmt"
	"go/format"
	"os"
	"sort"

	"github.com/apilint/apilint/internal/report"
)

// ApplyFixes applies the suggested fixes of fs to their files and
// formats the files it changed. A fix whose edits overlap an earlier
// fix's in the same file is skipped (run apilint --fix again for it).
// It returns how many fixes it applied and the files it wrote.
func ApplyFixes(fs []report.Finding) (applied int, files []string, err error) {
	type edit struct {
		report.Edit
		fix int
	}
	byFile := make(map[string][]edit)
	for i, f := range fs {
		if f.Fix == nil {
			continue
		}
		for _, e := range f.Fix.Edits {
			byFile[e.File] = append(byFile[e.File], edit{e, i})
		}
	}
	skipped := make(map[int]bool)
	// A fix applies whole or not at all: find fixes with an edit that
	// overlaps another fix's.
	for _, edits := range byFile {
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
		for i := 1; i < len(edits); i++ {
			a, b := edits[i-1], edits[i]
			if a.fix != b.fix && b.Start < a.End {
				skipped[b.fix] = true
			}
		}
	}
	for file, edits := range byFile {
		src, err := os.ReadFile(file)
		if err != nil {
			return applied, files, err
		}
		// Apply from the end so offsets stay valid; identical edits from
		// two fixes (the same import) apply once.
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
		out := src
		var last *edit
		changed := false
		for i := range edits {
			e := edits[i]
			if skipped[e.fix] {
				continue
			}
			if last != nil && last.Start == e.Start && last.End == e.End && last.New == e.New {
				continue
			}
			if e.Start < 0 || e.End > len(out) || e.Start > e.End {
				return applied, files, fmt.Errorf("%s: a suggested fix's edit is out of range", file)
			}
			out = append(append(append([]byte{}, out[:e.Start]...), e.New...), out[e.End:]...)
			last = &edits[i]
			changed = true
		}
		if !changed {
			continue
		}
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		if err := os.WriteFile(file, out, 0o644); err != nil {
			return applied, files, err
		}
		files = append(files, file)
	}
	for i, f := range fs {
		if f.Fix != nil && !skipped[i] {
			applied++
		}
	}
	sort.Strings(files)
	return applied, files, nil
}
