package rewrite

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
)

// plan is everything Apply will write, decided before it writes
// anything, so that every reason to skip a fix or a file is found while
// skipping is still free.
type plan struct {
	// applied are the fixes whose edits are in the new texts, ascending.
	applied []int
	// skipped says why each other fix is not applied.
	skipped map[int]string
	// changes are the files to replace, sorted by path.
	changes []change
	// unchanged says why each other file that a fix edits stays as it is.
	unchanged map[string]string
}

// change is one file's final text.
type change struct {
	t    *target
	text []byte
}

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

// formatFunc turns a file's edited text into its final text.
type formatFunc func(path string, src []byte) ([]byte, error)

// makePlan decides which fixes to apply. fixes are sorted by ID with
// their edits normalised; targets holds every file they name. It
// returns false if stopped reports true before the plan is complete.
//
// A fix is first checked on its own (its files can be changed, its
// edits are in range and do not overlap each other). Then, in rounds,
// fixes are chosen by ID, each kept unless it conflicts with one kept
// before it, and each file's kept edits are applied and formatted. A
// file whose text does not parse or format drops every fix that edits
// it, in every file, because a fix applies whole or not at all; the
// next round chooses again without them, so a fix that lost only to a
// dropped one gets its chance. Dropped fixes never return, so the rounds
// end, and since every step runs in ID and path order, the same input
// always gives the same plan.
func makePlan(fixes []Fix, targets map[string]*target, format formatFunc, stopped func() bool) (*plan, bool) {
	excluded := make(map[int]string)
	for _, f := range fixes {
		if r := invalid(f, targets); r != "" {
			excluded[f.ID] = r
		}
	}
	fileReason := make(map[string]string)
	rendered := make(map[string]rendering)
	for {
		if stopped() {
			return nil, false
		}
		c := choose(fixes, excluded)
		dropped := false
		for _, file := range sortedKeys(c.edits) {
			if stopped() {
				return nil, false
			}
			r, ok := rendered[file]
			if !ok || !slices.Equal(r.edits, c.edits[file]) {
				r = render(targets[file], c.edits[file], format)
				rendered[file] = r
			}
			if r.reason == "" {
				continue
			}
			fileReason[file] = r.reason
			for _, id := range c.byFile[file] {
				if _, ok := excluded[id]; !ok {
					excluded[id] = file + ": " + r.reason
					dropped = true
				}
			}
		}
		if !dropped {
			return finish(fixes, targets, c, excluded, fileReason, rendered), true
		}
	}
}

// rendering is a file's final text for one set of kept edits, or why
// there is none.
type rendering struct {
	edits  []owned
	text   []byte
	reason string
}

// invalid says why fix f cannot be applied whatever other fixes do, or
// returns "".
func invalid(f Fix, targets map[string]*target) string {
	if len(f.Edits) == 0 {
		return "it has no edits"
	}
	for _, e := range f.Edits {
		if t := targets[e.File]; t.reason != "" {
			return e.File + ": " + t.reason
		}
	}
	for _, e := range f.Edits {
		if size := len(targets[e.File].content); e.Start < 0 || e.End < e.Start || e.End > size {
			return fmt.Sprintf("edit [%d,%d) is out of range in %s (%d bytes)", e.Start, e.End, e.File, size)
		}
	}
	for i, a := range f.Edits {
		for _, b := range f.Edits[i+1:] {
			if a.File == b.File && conflicts(a, b) {
				return "its own edits overlap at " + position(a.File, overlapAt(a, b))
			}
		}
	}
	return ""
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

// render applies edits to t's content and formats the result. A Go file
// must parse before and after formatting: text that does not parse is
// never written, whatever the formatter does with it.
func render(t *target, edits []owned, format formatFunc) rendering {
	r := rendering{edits: edits}
	plain := make([]Edit, len(edits))
	for i, e := range edits {
		plain[i] = e.Edit
	}
	sortEdits(plain)
	edited := splice(t.content, plain)
	if err := parses(t.path, edited); err != nil {
		r.reason = fmt.Sprintf("edited text does not parse: %v", err)
		return r
	}
	text, err := format(t.path, edited)
	if err != nil {
		r.reason = fmt.Sprintf("formatting failed: %v", err)
		return r
	}
	if err := parses(t.path, text); err != nil {
		r.reason = fmt.Sprintf("formatted text does not parse: %v", err)
		return r
	}
	r.text = text
	return r
}

// parses reports a syntax error in src if path is a Go file.
func parses(path string, src []byte) error {
	if filepath.Ext(path) != ".go" {
		return nil
	}
	_, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ParseComments|parser.SkipObjectResolution)
	return err
}

// gofmt is the default Format: go/format.Source for Go files; other
// files (go.mod, testdata) are written as edited.
func gofmt(path string, src []byte) ([]byte, error) {
	if filepath.Ext(path) != ".go" {
		return src, nil
	}
	return format.Source(src)
}

// finish turns the last round into a plan.
func finish(fixes []Fix, targets map[string]*target, c choice, excluded map[int]string, fileReason map[string]string, rendered map[string]rendering) *plan {
	p := &plan{applied: c.kept, skipped: make(map[int]string), unchanged: make(map[string]string)}
	for id, r := range excluded {
		p.skipped[id] = r
	}
	for id, r := range c.lost {
		p.skipped[id] = r
	}
	for _, file := range sortedKeys(targets) {
		t := targets[file]
		_, kept := c.edits[file]
		switch {
		case t.reason != "":
			p.unchanged[file] = t.reason
		case kept && !bytes.Equal(rendered[file].text, t.content):
			p.changes = append(p.changes, change{t: t, text: rendered[file].text})
		case kept:
			p.unchanged[file] = "the fixes applied leave its text as it was"
		case fileReason[file] != "":
			p.unchanged[file] = fileReason[file]
		default:
			p.unchanged[file] = "none of its fixes can be applied: " + idList(fixesIn(fixes, file))
		}
	}
	return p
}

// filesOf returns the files f edits, sorted.
func filesOf(f Fix) []string {
	var files []string
	for _, e := range f.Edits {
		if !slices.Contains(files, e.File) {
			files = append(files, e.File)
		}
	}
	sort.Strings(files)
	return files
}

// fixesIn returns the IDs of the fixes that edit file, ascending.
func fixesIn(fixes []Fix, file string) []int {
	var ids []int
	for _, f := range fixes {
		if slices.Contains(filesOf(f), file) {
			ids = append(ids, f.ID)
		}
	}
	return ids
}

// idList spells fix IDs for a reason: "fixes 3, 5" or "fix 3".
func idList(ids []int) string {
	if len(ids) == 1 {
		return fmt.Sprintf("fix %d", ids[0])
	}
	var b bytes.Buffer
	b.WriteString("fixes ")
	for i, id := range ids {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, id)
	}
	return b.String()
}

// sortedKeys returns m's keys in order, so that no map order leaks into
// what is written or reported.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
