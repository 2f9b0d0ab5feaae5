//go:build unix

package rewrite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileKeepsMode(t *testing.T) {
	dir := t.TempDir()
	for _, mode := range []os.FileMode{0o600, 0o755, 0o444} {
		p := filepath.Join(dir, mode.String())
		if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(p, []byte("new"), 0o644); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != mode {
			t.Errorf("mode %v after WriteFile, want %v", info.Mode().Perm(), mode)
		}
		if got := readFile(t, p); got != "new" {
			t.Errorf("%s = %q", p, got)
		}
	}
	noLeftovers(t, dir)
}

func TestWriteFileGivesNewFilePerm(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new")
	if err := WriteFile(p, []byte("x"), 0o640); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(p); err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("new file: %v, %v; want mode 0640", info, err)
	}
}

func TestWriteFileFailureLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "ro")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(sub, "a.go")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	makeUnwritable(t, sub)
	err := WriteFile(p, []byte("new"), 0o644)
	if err == nil || !strings.HasPrefix(err.Error(), p+": ") {
		t.Fatalf("WriteFile in a read-only directory: %v", err)
	}
	if got := readFile(t, p); got != "old" {
		t.Errorf("the old file changed: %q", got)
	}
	noLeftovers(t, dir)
}

func TestWriteFileFollowsSymbolicLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	link := filepath.Join(dir, "link")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", info, err)
	}
	if got := readFile(t, real); got != "new" {
		t.Errorf("the target = %q", got)
	}
	dangling := filepath.Join(dir, "dangling")
	if err := os.Symlink("nowhere", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, []byte("x"), 0o644); err == nil || !strings.Contains(err.Error(), "dangling symbolic link") {
		t.Errorf("WriteFile through a dangling link: %v", err)
	}
	noLeftovers(t, dir)
}
