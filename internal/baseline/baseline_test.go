package baseline

import (
	"path/filepath"
	"testing"

	"github.com/apilint/apilint/internal/report"
)

func finding(rule, file, fn, msg, snippet string) report.Finding {
	f := report.Finding{Rule: rule, File: file, Function: fn, Message: msg, Snippet: snippet, Level: "error"}
	f.SetFingerprint()
	return f
}

func TestRoundTripAndFilter(t *testing.T) {
	a := finding("nplusone", "h.go", "list", "N+1 (loop at h.go:10)", "s.Get(ctx, id)")
	b := finding("notimeout", "c.go", "New", "no Timeout", "&http.Client{}")
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := WriteFile(path, []report.Finding{a, b, b}); err != nil {
		t.Fatal(err)
	}
	base, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	moved := finding("nplusone", "h.go", "list", "N+1 (loop at h.go:14)", "s.Get(ctx, id)") // lines inserted above
	changed := finding("nplusone", "h.go", "list", "N+1 (loop at h.go:10)", "s.Get(ctx, other)")
	fresh, accepted := base.Filter([]report.Finding{moved, b, b, b, changed})
	if accepted != 3 || len(fresh) != 2 || fresh[0].Fingerprint != b.Fingerprint || fresh[1].Fingerprint != changed.Fingerprint {
		t.Errorf("accepted %d, fresh %+v", accepted, fresh)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := Read(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("Read of a missing file succeeded")
	}
}
