//go:build unix

package rewrite

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestStagingFailureChangesNothing makes the last file's directory
// unwritable after the checks passed, so that its staging fails after
// the others were staged: no file may change, and no temporary file may
// stay.
func TestStagingFailureChangesNothing(t *testing.T) {
	dir := t.TempDir()
	snap := writeTree(t, dir, map[string]string{"a/a.go": mainSrc, "b/b.go": mainSrc, "z/z.go": mainSrc})
	a, b, z := filepath.Join(dir, "a", "a.go"), filepath.Join(dir, "b", "b.go"), filepath.Join(dir, "z", "z.go")
	format := func(p string, src []byte) ([]byte, error) {
		if p == z {
			makeUnwritable(t, filepath.Dir(z))
		}
		return gofmt(p, src)
	}
	res, err := Apply([]Fix{rename(1, a), rename(2, b), rename(3, z)}, snap, Options{LockDir: dir, Format: format})
	var inc *IncompleteError
	if !errors.As(err, &inc) || !strings.HasPrefix(err.Error(), z+": creating a temporary file: ") {
		t.Fatalf("Apply: %v", err)
	}
	if len(inc.Changed) != 0 || len(inc.NotChanged) != 3 || len(res.Written) != 0 || len(res.Applied) != 0 {
		t.Errorf("error %+v, result %+v", inc, res)
	}
	for _, p := range []string{a, b, z} {
		if got := readFile(t, p); got != mainSrc {
			t.Errorf("%s changed: %q", p, got)
		}
	}
	noLeftovers(t, dir)
}
