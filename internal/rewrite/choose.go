package rewrite

import (
	"fmt"
	"slices"
)

// owned is an edit kept in a file, with the fix that first made it; a
// fix that shares the same edit is not recorded again.
type owned struct {
	Edit
	owner int
}

// choice is one round of choosing fixes by ID, the lower first.
type choice struct {
	kept   []int
	lost   map[int]string
	edits  map[string][]owned
	byFile map[string][]int
}

// choose keeps, in ID order, each fix that is not excluded and whose
// every edit is identical to or clear of every edit kept so far in its
// file. Comparing with all kept edits, not only with the neighbours in
// sorted order, is what catches [0,100) against [50,60) when [10,20)
// sorts between them.
func choose(fixes []Fix, excluded map[int]string) choice {
	c := choice{lost: make(map[int]string), edits: make(map[string][]owned), byFile: make(map[string][]int)}
	for _, f := range fixes {
		if _, ok := excluded[f.ID]; ok {
			continue
		}
		if winner, at, ok := firstConflict(f, c.edits); ok {
			c.lost[f.ID] = fmt.Sprintf("overlaps fix %d at %s", winner, at)
			continue
		}
		for _, e := range f.Edits {
			if !slices.ContainsFunc(c.edits[e.File], func(k owned) bool { return sameEdit(k.Edit, e) }) {
				c.edits[e.File] = append(c.edits[e.File], owned{e, f.ID})
			}
		}
		for _, file := range filesOf(f) {
			c.byFile[file] = append(c.byFile[file], f.ID)
		}
		c.kept = append(c.kept, f.ID)
	}
	return c
}

// firstConflict returns the fix and position of the first kept edit that
// one of f's edits conflicts with.
func firstConflict(f Fix, kept map[string][]owned) (winner int, at string, ok bool) {
	for _, e := range f.Edits {
		for _, k := range kept[e.File] {
			if !sameEdit(k.Edit, e) && conflicts(k.Edit, e) {
				return k.owner, position(e.File, overlapAt(k.Edit, e)), true
			}
		}
	}
	return 0, "", false
}
