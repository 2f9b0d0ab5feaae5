package rewrite

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// memTargets builds checked targets from file contents; a content
// starting with "!" is a file that failed its checks for the reason that
// follows.
func memTargets(files map[string]string) map[string]*target {
	targets := make(map[string]*target)
	for path, content := range files {
		t := &target{path: path, real: path}
		if reason, bad := strings.CutPrefix(content, "!"); bad {
			t.reason = reason
		} else {
			t.content = []byte(content)
		}
		targets[path] = t
	}
	return targets
}

func fix(id int, edits ...Edit) Fix { return Fix{ID: id, Edits: edits} }

func ed(file string, start, end int, text string) Edit {
	return Edit{File: file, Start: start, End: end, New: text}
}

// planFor plans fixes over files the way Apply does, without a disk.
func planFor(t *testing.T, files map[string]string, fixes []Fix) *plan {
	t.Helper()
	fixes, err := normalize(fixes)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := makePlan(fixes, memTargets(files), gofmt, func() bool { return false })
	if !ok {
		t.Fatal("makePlan stopped without a signal")
	}
	return p
}

// texts returns the new text of each file p changes.
func (p *plan) texts() map[string]string {
	out := make(map[string]string)
	for _, c := range p.changes {
		out[c.t.path] = string(c.text)
	}
	return out
}

const (
	hundred = "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
	goSrc   = "package p\n\nfunc f() {}\n"
)

func TestPlan(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		fixes     []Fix
		applied   []int
		skipped   map[int]string
		texts     map[string]string
		unchanged map[string]string
	}{{
		name:  "a range overlaps one that is not its neighbour in sorted order",
		files: map[string]string{"/t/a": hundred},
		fixes: []Fix{
			fix(1, ed("/t/a", 0, 100, "A")),
			fix(2, ed("/t/a", 10, 20, "B")),
			fix(3, ed("/t/a", 50, 60, "C")),
		},
		applied: []int{1},
		skipped: map[int]string{2: "overlaps fix 1 at /t/a:#10", 3: "overlaps fix 1 at /t/a:#50"},
		texts:   map[string]string{"/t/a": "A"},
	}, {
		name:  "the earlier fix wins whatever the order of the input",
		files: map[string]string{"/t/a": hundred},
		fixes: []Fix{
			fix(3, ed("/t/a", 50, 60, "C")),
			fix(2, ed("/t/a", 10, 20, "B")),
			fix(1, ed("/t/a", 0, 100, "A")),
		},
		applied: []int{1},
		skipped: map[int]string{2: "overlaps fix 1 at /t/a:#10", 3: "overlaps fix 1 at /t/a:#50"},
		texts:   map[string]string{"/t/a": "A"},
	}, {
		name:  "a nested range loses to the enclosing one kept before it",
		files: map[string]string{"/t/a": hundred},
		fixes: []Fix{
			fix(1, ed("/t/a", 20, 30, "inner")),
			fix(2, ed("/t/a", 0, 100, "outer")),
		},
		applied: []int{1},
		skipped: map[int]string{2: "overlaps fix 1 at /t/a:#20"},
		texts:   map[string]string{"/t/a": hundred[:20] + "inner" + hundred[30:]},
	}, {
		name:  "two insertions at one offset have no order, so they overlap",
		files: map[string]string{"/t/a": "abc"},
		fixes: []Fix{
			fix(1, ed("/t/a", 1, 1, "X")),
			fix(2, ed("/t/a", 1, 1, "Y")),
		},
		applied: []int{1},
		skipped: map[int]string{2: "overlaps fix 1 at /t/a:#1"},
		texts:   map[string]string{"/t/a": "aXbc"},
	}, {
		name:  "identical edits from two fixes are one shared edit",
		files: map[string]string{"/t/a": "abc"},
		fixes: []Fix{
			fix(1, ed("/t/a", 1, 1, "import"), ed("/t/a", 2, 3, "1")),
			fix(2, ed("/t/a", 1, 1, "import"), ed("/t/a", 0, 1, "2")),
		},
		applied: []int{1, 2},
		skipped: map[int]string{},
		texts:   map[string]string{"/t/a": "2importb1"},
	}, {
		name:  "a shared edit does not hide a conflict in another edit",
		files: map[string]string{"/t/a": "abcdef"},
		fixes: []Fix{
			fix(1, ed("/t/a", 1, 1, "import"), ed("/t/a", 3, 5, "1")),
			fix(2, ed("/t/a", 1, 1, "import"), ed("/t/a", 4, 6, "2")),
		},
		applied: []int{1},
		skipped: map[int]string{2: "overlaps fix 1 at /t/a:#4"},
		texts:   map[string]string{"/t/a": "aimportbc1f"},
	}, {
		name:  "adjacent ranges and insertions at a range's ends do not overlap",
		files: map[string]string{"/t/a": "abcdef"},
		fixes: []Fix{
			fix(1, ed("/t/a", 0, 2, "AB")),
			fix(2, ed("/t/a", 2, 4, "CD")),
			fix(3, ed("/t/a", 2, 2, "|")),
			fix(4, ed("/t/a", 4, 4, "|")),
		},
		applied: []int{1, 2, 3, 4},
		skipped: map[int]string{},
		texts:   map[string]string{"/t/a": "AB|CD|ef"},
	}, {
		name:  "out-of-range edits skip their fix whole",
		files: map[string]string{"/t/a": "abc", "/t/b": "xyz"},
		fixes: []Fix{
			fix(1, ed("/t/a", 0, 1, "A"), ed("/t/b", 2, 4, "!")),
			fix(2, ed("/t/a", -1, 0, "!")),
			fix(3, ed("/t/a", 2, 1, "!")),
			fix(4, ed("/t/a", 2, 3, "C")),
		},
		applied: []int{4},
		skipped: map[int]string{
			1: "edit [2,4) is out of range in /t/b (3 bytes)",
			2: "edit [-1,0) is out of range in /t/a (3 bytes)",
			3: "edit [2,1) is out of range in /t/a (3 bytes)",
		},
		texts:     map[string]string{"/t/a": "abC"},
		unchanged: map[string]string{"/t/b": "none of its fixes can be applied: fix 1"},
	}, {
		name:  "a fix whose own edits overlap is malformed",
		files: map[string]string{"/t/a": "abcdef"},
		fixes: []Fix{
			fix(1, ed("/t/a", 0, 3, "A"), ed("/t/a", 2, 4, "B")),
			fix(2, ed("/t/a", 1, 1, "x"), ed("/t/a", 1, 1, "x")), // repeated, not overlapping
		},
		applied:   []int{2},
		skipped:   map[int]string{1: "its own edits overlap at /t/a:#2"},
		texts:     map[string]string{"/t/a": "axbcdef"},
		unchanged: map[string]string{},
	}, {
		name:    "a fix with no edits is reported, not applied",
		files:   map[string]string{},
		fixes:   []Fix{fix(1)},
		skipped: map[int]string{1: "it has no edits"},
	}, {
		name:  "a multi-file fix with a file that cannot be changed is dropped everywhere",
		files: map[string]string{"/t/a": "abc", "/t/b": "!changed since analysis"},
		fixes: []Fix{
			fix(1, ed("/t/a", 0, 1, "A"), ed("/t/b", 0, 1, "B")),
			fix(2, ed("/t/a", 2, 3, "C")),
		},
		applied:   []int{2},
		skipped:   map[int]string{1: "/t/b: changed since analysis"},
		texts:     map[string]string{"/t/a": "abC"},
		unchanged: map[string]string{"/t/b": "changed since analysis"},
	}, {
		name: "a multi-file fix with a file that does not parse is dropped everywhere, and the fix it beat gets its chance",
		files: map[string]string{
			"/t/a.go": goSrc,
			"/t/b.go": goSrc,
		},
		fixes: []Fix{
			// Fix 1 renames f in a.go and breaks b.go.
			fix(1, ed("/t/a.go", 16, 17, "g"), ed("/t/b.go", 21, 22, "")),
			// Fix 2 loses to fix 1 in a.go, until fix 1 is dropped.
			fix(2, ed("/t/a.go", 16, 17, "h")),
			// Fix 3 is in b.go only, and is dropped with fix 1, because
			// the broken text cannot tell which fix broke it.
			fix(3, ed("/t/b.go", 0, 0, "// Package p.\n")),
		},
		applied: []int{2},
		skipped: map[int]string{
			1: "/t/b.go: edited text does not parse: /t/b.go:4:12: expected '}', found 'EOF'",
			3: "/t/b.go: edited text does not parse: /t/b.go:4:12: expected '}', found 'EOF'",
		},
		texts: map[string]string{"/t/a.go": "package p\n\nfunc h() {}\n"},
		unchanged: map[string]string{
			"/t/b.go": "edited text does not parse: /t/b.go:4:12: expected '}', found 'EOF'",
		},
	}, {
		name:    "edited Go text is formatted",
		files:   map[string]string{"/t/a.go": goSrc},
		fixes:   []Fix{fix(1, ed("/t/a.go", 17, 19, "(  x   int )"))},
		applied: []int{1},
		skipped: map[int]string{},
		texts:   map[string]string{"/t/a.go": "package p\n\nfunc f(x int) {}\n"},
	}, {
		name:      "fixes that leave the text as it was write nothing",
		files:     map[string]string{"/t/a.go": goSrc},
		fixes:     []Fix{fix(1, ed("/t/a.go", 15, 16, "  "))},
		applied:   []int{1},
		skipped:   map[int]string{},
		texts:     map[string]string{},
		unchanged: map[string]string{"/t/a.go": "the fixes applied leave its text as it was"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := planFor(t, tt.files, tt.fixes)
			if !reflect.DeepEqual(p.applied, tt.applied) {
				t.Errorf("applied %v, want %v", p.applied, tt.applied)
			}
			if !reflect.DeepEqual(p.skipped, tt.skipped) {
				t.Errorf("skipped %v, want %v", p.skipped, tt.skipped)
			}
			if tt.texts == nil {
				tt.texts = map[string]string{}
			}
			if got := p.texts(); !reflect.DeepEqual(got, tt.texts) {
				t.Errorf("texts %q, want %q", got, tt.texts)
			}
			if tt.unchanged == nil {
				tt.unchanged = map[string]string{}
			}
			if !reflect.DeepEqual(p.unchanged, tt.unchanged) {
				t.Errorf("unchanged %q, want %q", p.unchanged, tt.unchanged)
			}
		})
	}
}

// TestPlanIsDeterministic plans many random, heavily overlapping fixes
// in shuffled orders and checks that the plan never changes, and that
// the kept edits never conflict.
func TestPlanIsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	files := map[string]string{"/t/a": hundred, "/t/b": hundred, "/t/c": "!not writable: permission denied"}
	names := []string{"/t/a", "/t/b", "/t/c"}
	for round := range 50 {
		var fixes []Fix
		for id := range 30 {
			f := Fix{ID: id}
			for range 1 + rng.IntN(3) {
				start := rng.IntN(100)
				end := start + rng.IntN(min(5, 101-start))
				file := names[rng.IntN(3)]
				if rng.IntN(10) == 0 {
					file = names[rng.IntN(2)]
				}
				f.Edits = append(f.Edits, ed(file, start, end, fmt.Sprint(rng.IntN(3))))
			}
			fixes = append(fixes, f)
		}
		want := planFor(t, files, fixes)
		checkPlan(t, fixes, want)
		for range 5 {
			rng.Shuffle(len(fixes), func(i, j int) { fixes[i], fixes[j] = fixes[j], fixes[i] })
			for _, f := range fixes {
				rng.Shuffle(len(f.Edits), func(i, j int) { f.Edits[i], f.Edits[j] = f.Edits[j], f.Edits[i] })
			}
			got := planFor(t, files, fixes)
			if !reflect.DeepEqual(got.applied, want.applied) || !reflect.DeepEqual(got.skipped, want.skipped) ||
				!reflect.DeepEqual(got.texts(), want.texts()) || !reflect.DeepEqual(got.unchanged, want.unchanged) {
				t.Fatalf("round %d: the order of the input changed the plan", round)
			}
		}
	}
}

// checkPlan checks the plan's invariants: every fix is applied or
// skipped, never both, and no two applied fixes make conflicting edits.
func checkPlan(t *testing.T, fixes []Fix, p *plan) {
	t.Helper()
	applied := make(map[int]bool)
	for _, id := range p.applied {
		applied[id] = true
		if _, ok := p.skipped[id]; ok {
			t.Errorf("fix %d is both applied and skipped", id)
		}
	}
	for _, f := range fixes {
		if _, ok := p.skipped[f.ID]; !ok && !applied[f.ID] {
			t.Errorf("fix %d is neither applied nor skipped", f.ID)
		}
	}
	var kept []Edit
	for _, f := range fixes {
		if applied[f.ID] {
			kept = append(kept, f.Edits...)
		}
	}
	for i, a := range kept {
		for _, b := range kept[i+1:] {
			if a.File == b.File && conflicts(a, b) && !sameEdit(a, b) {
				t.Errorf("applied edits %v and %v conflict", a, b)
			}
		}
	}
}
