// Package stubs holds small stand-ins for the third-party libraries the
// analyzers recognise (sqlx, pgx, gorm, gin, echo, fiber, ...), under
// testdata/src, so that analyzer tests load no network modules. GOPATH
// merges them with an analyzer's own testdata into one GOPATH tree for
// analysistest.
package stubs

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the directory holding the stub packages (…/testdata/src).
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "testdata", "src")
}

// GOPATH returns a temporary GOPATH whose src holds the stubs and the
// packages of own (an analyzer's testdata directory, holding src/). Files
// of own win over stubs with the same path.
func GOPATH(t testing.TB, own string) string {
	t.Helper()
	root := t.TempDir()
	for _, from := range []string{Dir(), filepath.Join(own, "src")} {
		if err := copyTree(from, filepath.Join(root, "src")); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
