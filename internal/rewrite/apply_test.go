package rewrite

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const (
	// mainSrc has its function name at bytes [19,20) and is 27 bytes
	// long.
	mainSrc = "package main\n\nfunc f() {\n}\n"
	fixedG  = "package main\n\nfunc g() {\n}\n"
)

// rename returns a fix renaming f to g in mainSrc.
func rename(id int, path string) Fix {
	return Fix{ID: id, Message: "rename f to g", Edits: []Edit{ed(path, 19, 20, "g")}}
}

func TestApplyWritesAndReports(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc, "b/b.go": mainSrc, "c.go": mainSrc})
	a, b, c := filepath.Join(dir, "a.go"), filepath.Join(dir, "b", "b.go"), filepath.Join(dir, "c.go")
	var seen []string
	res, err := Apply([]Fix{
		rename(3, c),
		rename(1, b),
		rename(2, a),
		{ID: 4, Edits: []Edit{ed(a, 18, 21, "h()")}},
	}, snap, Options{LockDir: dir, OnWrite: func(p string) { seen = append(seen, p) }})
	if err != nil {
		t.Fatal(err)
	}
	want := &Result{
		Applied:   []int{1, 2, 3},
		Skipped:   map[int]string{4: "overlaps fix 2 at " + a + ":#19"},
		Written:   []string{a, b, c},
		Unchanged: map[string]string{},
	}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("Apply = %+v, want %+v", res, want)
	}
	if !reflect.DeepEqual(seen, want.Written) {
		t.Errorf("OnWrite saw %v, want the files in order: %v", seen, want.Written)
	}
	for _, p := range want.Written {
		if got := readFile(t, p); got != fixedG {
			t.Errorf("%s = %q, want %q", p, got, fixedG)
		}
	}
	noLeftovers(t, dir)
	wantReport := "wrote " + a + "\nwrote " + b + "\nwrote " + c + "\napplied fix 1\napplied fix 2\napplied fix 3\n" +
		"skipped fix 4: overlaps fix 2 at " + a + ":#19\n"
	if got := res.String(); got != wantReport {
		t.Errorf("String() = %q, want %q", got, wantReport)
	}
}

func TestApplySkipsFileChangedSinceSnapshot(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc, "b.go": mainSrc})
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	edited := "// edited by the user after analysis\n" + mainSrc
	if err := os.WriteFile(a, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Apply([]Fix{
		rename(1, a),
		rename(2, b),
		{ID: 3, Edits: []Edit{ed(a, 0, 0, "// x\n"), ed(b, 0, 0, "// x\n")}},
	}, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := &Result{
		Applied: []int{2},
		Skipped: map[int]string{
			1: a + ": changed since analysis",
			3: a + ": changed since analysis",
		},
		Written:   []string{b},
		Unchanged: map[string]string{a: "changed since analysis"},
	}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("Apply = %+v, want %+v", res, want)
	}
	if got := readFile(t, a); got != edited {
		t.Errorf("the changed file was touched: %q", got)
	}
	if got := readFile(t, b); got != fixedG {
		t.Errorf("%s = %q, want %q", b, got, fixedG)
	}
}

func TestApplyNeverWritesTextThatDoesNotParse(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc, "b.go": mainSrc})
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	res, err := Apply([]Fix{
		{ID: 1, Edits: []Edit{ed(a, 27, 27, "func (")}},
		rename(2, b),
	}, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, a); got != mainSrc {
		t.Errorf("text that does not parse was written: %q", got)
	}
	if !strings.HasPrefix(res.Skipped[1], a+": edited text does not parse: ") {
		t.Errorf("fix 1 skipped for %q", res.Skipped[1])
	}
	if !strings.HasPrefix(res.Unchanged[a], "edited text does not parse: ") {
		t.Errorf("%s unchanged for %q", a, res.Unchanged[a])
	}
	if !reflect.DeepEqual(res.Written, []string{b}) || !reflect.DeepEqual(res.Applied, []int{2}) {
		t.Errorf("wrote %v, applied %v; want %s and fix 2", res.Written, res.Applied, b)
	}
}

func TestApplyNeverWritesWhenFormatFails(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc})
	a := filepath.Join(dir, "a.go")
	format := func(path string, src []byte) ([]byte, error) {
		return nil, errors.New("formatter crashed")
	}
	res, err := Apply([]Fix{rename(1, a)}, snap, Options{LockDir: dir, Format: format})
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, a); got != mainSrc {
		t.Errorf("%s was written although formatting failed: %q", a, got)
	}
	want := &Result{
		Skipped:   map[int]string{1: a + ": formatting failed: formatter crashed"},
		Unchanged: map[string]string{a: "formatting failed: formatter crashed"},
	}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("Apply = %+v, want %+v", res, want)
	}
}

func TestApplyFormatsOnlyGoFilesByDefault(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"notes.txt": "a  b\n"})
	p := filepath.Join(dir, "notes.txt")
	if _, err := Apply([]Fix{{ID: 1, Edits: []Edit{ed(p, 0, 1, "x   ")}}}, snap, Options{LockDir: dir}); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "x     b\n" {
		t.Errorf("%s = %q, want its edited text as it is", p, got)
	}
}

func TestApplySkipsFilesItCannotCheck(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc})
	a := filepath.Join(dir, "a.go")
	missing := filepath.Join(dir, "missing.go")
	unrecorded := filepath.Join(dir, "unrecorded.go")
	if err := os.WriteFile(unrecorded, []byte(mainSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	snap.Record(missing, []byte(mainSrc))
	res, err := Apply([]Fix{
		rename(1, a),
		rename(2, missing),
		rename(3, unrecorded),
		rename(4, "relative.go"),
		{ID: 5, Edits: []Edit{ed(dir, 0, 0, "x")}},
	}, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Applied, []int{1}) || !reflect.DeepEqual(res.Written, []string{a}) {
		t.Errorf("applied %v, wrote %v; want fix 1 in %s", res.Applied, res.Written, a)
	}
	for id, want := range map[int]string{
		2: missing + ": cannot read: ",
		3: unrecorded + ": not in the analysis snapshot",
		4: "relative.go: not an absolute path",
		5: dir + ": not in the analysis snapshot",
	} {
		if !strings.HasPrefix(res.Skipped[id], want) {
			t.Errorf("fix %d skipped for %q, want %q...", id, res.Skipped[id], want)
		}
	}
	if got := res.UnchangedFiles(); !reflect.DeepEqual(got, []string{dir, missing, unrecorded, "relative.go"}) {
		t.Errorf("unchanged files %v", got)
	}
}

func TestApplyRefusesWhileAnotherRunHoldsTheLock(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc})
	a := filepath.Join(dir, "a.go")
	in := catchInterrupts()
	defer in.stop()
	held, err := lockTree(dir, time.Second, in)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Apply([]Fix{rename(1, a)}, snap, Options{LockDir: dir, LockWait: time.Millisecond})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another apilint --fix is running in "+dir) {
		t.Errorf("Apply under a held lock: %v", err)
	}
	if len(res.Applied) != 0 || len(res.Written) != 0 || !strings.Contains(res.Skipped[1], "another apilint --fix is running") {
		t.Errorf("Apply under a held lock reported %+v", res)
	}
	if got := readFile(t, a); got != mainSrc {
		t.Errorf("%s written under a held lock: %q", a, got)
	}
	if err := held.unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := Apply([]Fix{rename(1, a)}, snap, Options{LockDir: dir, LockWait: time.Millisecond}); err != nil {
		t.Errorf("Apply after the lock was released: %v", err)
	}
}

func TestApplyRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc})
	a := filepath.Join(dir, "a.go")
	for name, tc := range map[string]struct {
		fixes []Fix
		opts  Options
		want  string
	}{
		"duplicate IDs":      {[]Fix{rename(1, a), rename(1, a)}, Options{LockDir: dir}, "fix ID 1 is used twice"},
		"no lock dir":        {[]Fix{rename(1, a)}, Options{}, "Options.LockDir is empty"},
		"lock dir is a file": {[]Fix{rename(1, a)}, Options{LockDir: a}, "not a directory"},
	} {
		res, err := Apply(tc.fixes, snap, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
		if res == nil || len(res.Applied) != 0 || res.Skipped[1] == "" {
			t.Errorf("%s: result %+v", name, res)
		}
	}
	if got := readFile(t, a); got != mainSrc {
		t.Errorf("bad input changed %s: %q", a, got)
	}
}

func TestApplySharesAnImportTwoFixesAdd(t *testing.T) {
	src := "package main\n\nfunc main() {\n\ta()\n\tb()\n}\n\nfunc a() {}\nfunc b() {}\n"
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"main.go": src})
	p := filepath.Join(dir, "main.go")
	imp := ed(p, len("package main\n"), len("package main\n"), "\nimport \"fmt\"\n")
	call := func(name string) Edit {
		at := strings.Index(src, "\t"+name+"()") + 1
		return ed(p, at, at+3, `fmt.Println("`+name+`")`)
	}
	res, err := Apply([]Fix{
		{ID: 1, Edits: []Edit{imp, call("a")}},
		{ID: 2, Edits: []Edit{call("b"), imp}},
	}, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Applied, []int{1, 2}) {
		t.Errorf("applied %v, skipped %v", res.Applied, res.Skipped)
	}
	want := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"a\")\n\tfmt.Println(\"b\")\n}\n\nfunc a() {}\nfunc b() {}\n"
	if got := readFile(t, p); got != want {
		t.Errorf("%s =\n%s\nwant\n%s", p, got, want)
	}
}
