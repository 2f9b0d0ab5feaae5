package rewrite

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (relative name to content) under dir and
// returns a snapshot of them, as an analysis would have recorded it.
func writeTree(t testing.TB, dir string, files map[string]string) Snapshot {
	t.Helper()
	snap := make(Snapshot)
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		snap.Record(path, []byte(content))
	}
	return snap
}

// readFile returns the content of path, failing the test if it cannot.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// leftovers returns the temporary files Apply or WriteFile left under
// dir.
func leftovers(t testing.TB, dir string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.Contains(d.Name(), ".apilint-") && strings.HasSuffix(d.Name(), ".tmp") {
			found = append(found, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// noLeftovers fails the test if a temporary file is left under dir.
func noLeftovers(t testing.TB, dir string) {
	t.Helper()
	if found := leftovers(t, dir); len(found) > 0 {
		t.Errorf("temporary files left behind: %v", found)
	}
}
