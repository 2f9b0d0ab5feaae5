//go:build unix

package rewrite

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestApplyLeavesReadOnlyFileAndWritesTheOthers(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc, "b.go": mainSrc, "c.go": mainSrc})
	a, b, c := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go"), filepath.Join(dir, "c.go")
	makeUnwritable(t, b)
	res, err := Apply([]Fix{
		rename(1, a),
		rename(2, b),
		rename(3, c),
		{ID: 4, Edits: []Edit{ed(a, 0, 0, "// a\n"), ed(b, 0, 0, "// b\n")}},
	}, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Written, []string{a, c}) || !reflect.DeepEqual(res.Applied, []int{1, 3}) {
		t.Errorf("wrote %v, applied %v; want %s, %s and fixes 1, 3", res.Written, res.Applied, a, c)
	}
	if !strings.HasPrefix(res.Unchanged[b], "not writable: ") || len(res.Unchanged) != 1 {
		t.Errorf("unchanged %q, want %s as not writable", res.Unchanged, b)
	}
	for _, id := range []int{2, 4} {
		if !strings.HasPrefix(res.Skipped[id], b+": not writable: ") {
			t.Errorf("fix %d skipped for %q", id, res.Skipped[id])
		}
	}
	if got := readFile(t, b); got != mainSrc {
		t.Errorf("the read-only file was changed: %q", got)
	}
	for _, p := range []string{a, c} {
		if got := readFile(t, p); got != fixedG {
			t.Errorf("%s = %q, want %q", p, got, fixedG)
		}
	}
	noLeftovers(t, dir)
}

func TestApplyLeavesFilesInReadOnlyDirectory(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc, "ro/b.go": mainSrc})
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "ro", "b.go")
	makeUnwritable(t, filepath.Dir(b))
	res, err := Apply([]Fix{rename(1, a), rename(2, b)}, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Written, []string{a}) || !strings.HasPrefix(res.Unchanged[b], "its directory is not writable: ") {
		t.Errorf("wrote %v, unchanged %q", res.Written, res.Unchanged)
	}
	if got := readFile(t, b); got != mainSrc {
		t.Errorf("%s was changed: %q", b, got)
	}
}

func TestApplyKeepsModes(t *testing.T) {
	dir := t.TempDir()
	modes := map[string]os.FileMode{"private.go": 0o600, "script.go": 0o755, "group.go": 0o640 | os.ModeSetgid}
	files := make(map[string]string)
	for name := range modes {
		files[name] = mainSrc
	}
	snap := writeTree(t, dir, files)
	var fixes []Fix
	for _, name := range sortedKeys(modes) {
		p := filepath.Join(dir, name)
		if err := os.Chmod(p, modes[name]); err != nil {
			t.Fatal(err)
		}
		fixes = append(fixes, rename(len(fixes)+1, p))
	}
	res, err := Apply(fixes, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != len(modes) {
		t.Fatalf("wrote %v", res.Written)
	}
	for name, want := range modes {
		p := filepath.Join(dir, name)
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode() & keptMode; got != want {
			t.Errorf("%s has mode %v after Apply, want %v", name, got, want)
		}
		if got := readFile(t, p); got != fixedG {
			t.Errorf("%s = %q", name, got)
		}
	}
}

func TestApplyKeepsSymbolicLinks(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"real/a.go": mainSrc})
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink(filepath.Join("real", "a.go"), link); err != nil {
		t.Fatal(err)
	}
	snap.Record(link, []byte(mainSrc))
	res, err := Apply([]Fix{rename(1, link)}, snap, Options{LockDir: dir})
	if err != nil || !reflect.DeepEqual(res.Written, []string{link}) {
		t.Fatalf("Apply = %+v, %v", res, err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link: %v, %v", link, info, err)
	}
	if got := readFile(t, filepath.Join(dir, "real", "a.go")); got != fixedG {
		t.Errorf("the link's target = %q, want %q", got, fixedG)
	}
	noLeftovers(t, dir)
}

func TestApplySkipsAFileNamedTwoWays(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc, "b.go": mainSrc})
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	link, hard := filepath.Join(dir, "link.go"), filepath.Join(dir, "hard.go")
	if err := os.Symlink("a.go", link); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, hard); err != nil {
		t.Fatal(err)
	}
	snap.Record(link, []byte(mainSrc))
	snap.Record(hard, []byte(mainSrc))
	res, err := Apply([]Fix{
		rename(1, a),
		{ID: 2, Edits: []Edit{ed(link, 0, 0, "// via the link\n")}},
		{ID: 3, Edits: []Edit{ed(hard, 0, 0, "// via the hard link\n")}},
		rename(4, b),
	}, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Written, []string{b}) || !reflect.DeepEqual(res.Applied, []int{4}) {
		t.Errorf("wrote %v, applied %v", res.Written, res.Applied)
	}
	want := a + ": the same file as " + hard + ", " + link + ": fixes name it more than one way"
	if res.Skipped[1] != want {
		t.Errorf("fix 1 skipped for %q, want %q", res.Skipped[1], want)
	}
	if got := readFile(t, a); got != mainSrc {
		t.Errorf("%s = %q", a, got)
	}
}
