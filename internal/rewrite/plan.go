package rewrite

import (
	"bytes"
	"fmt"
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

// finish turns the last round into a plan.
func finish(fixes []Fix, targets map[string]*target, c choice, excluded map[int]string, fileReason map[string]string, rendered map[string]rendering) *plan {
	p := &plan{applied: c.kept, skipped: make(map[int]string), unchanged: make(map[string]string)}
	for id, r := range excluded {
		p.skipped[id] = r
	}
	for id, r := range c.lost {
		p.skipped[id] = r
	}
	touching := make(map[string][]int)
	for _, f := range fixes {
		for _, file := range filesOf(f) {
			touching[file] = append(touching[file], f.ID)
		}
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
			p.unchanged[file] = "none of its fixes can be applied: " + idList(touching[file])
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
