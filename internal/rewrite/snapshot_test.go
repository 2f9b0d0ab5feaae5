package rewrite

import (
	"crypto/sha256"
	"path/filepath"
	"strings"
	"testing"
)

func TestSnapshotRecordsCleanPaths(t *testing.T) {
	s := make(Snapshot)
	s.Record("/t/./a.go", []byte("x"))
	if got, ok := s["/t/a.go"]; !ok || got != sha256.Sum256([]byte("x")) {
		t.Errorf("Record stored %v under %v", got, s)
	}
}

func TestSnapshotAmbiguousSpellings(t *testing.T) {
	s := Snapshot{
		"/t/a.go":      Hash([]byte("one")),
		"/t/./a.go":    Hash([]byte("two")),
		"/t/b.go":      Hash([]byte("same")),
		"/t/x/../b.go": Hash([]byte("same")),
	}
	norm := s.normalized()
	if e := norm["/t/a.go"]; e.ok {
		t.Errorf("two hashes for /t/a.go normalised to %v", e)
	}
	if e := norm["/t/b.go"]; !e.ok || e.hash != Hash([]byte("same")) {
		t.Errorf("two spellings of one hash for /t/b.go normalised to %v", e)
	}
}

func TestApplySkipsFileWithAmbiguousSnapshot(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a.go": mainSrc})
	a := filepath.Join(dir, "a.go")
	snap[dir+string(filepath.Separator)+"."+string(filepath.Separator)+"a.go"] = Hash([]byte("other"))
	res, err := Apply([]Fix{rename(1, a)}, snap, Options{LockDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Skipped[1], "two different contents") || len(res.Written) != 0 {
		t.Errorf("Apply with an ambiguous snapshot: %+v", res)
	}
}
