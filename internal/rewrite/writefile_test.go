package rewrite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileReplacesContent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.go")
	if err := os.WriteFile(p, []byte("a long old content that is longer than the new one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "new" {
		t.Errorf("content %q, want %q", got, "new")
	}
	noLeftovers(t, dir)
}

func TestWriteFileCreatesFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new.go")
	if err := WriteFile(p, []byte("package p\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "package p\n" {
		t.Errorf("content %q", got)
	}
	noLeftovers(t, dir)
}

func TestWriteFileRefusesNonRegularFile(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(sub, []byte("x"), 0o644)
	if err == nil || !strings.Contains(err.Error(), sub+": not a regular file") {
		t.Errorf("WriteFile over a directory: %v", err)
	}
	if info, err := os.Stat(sub); err != nil || !info.IsDir() {
		t.Errorf("the directory was replaced: %v, %v", info, err)
	}
	noLeftovers(t, dir)
}

func TestWriteFileInMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "missing", "a.go")
	err := WriteFile(p, []byte("x"), 0o644)
	if err == nil || !strings.HasPrefix(err.Error(), p+": creating a temporary file: ") {
		t.Errorf("WriteFile in a missing directory: %v", err)
	}
	noLeftovers(t, dir)
}
