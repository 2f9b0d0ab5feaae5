package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apilint/apilint/internal/report"
)

func TestFromRepoRoot(t *testing.T) {
	root := t.TempDir()
	svc := filepath.Join(root, "svc")
	if err := os.MkdirAll(filepath.Join(svc, "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(svc, "api", "openapi.yaml"), []byte("openapi: 3.0.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, wd string
		specs    []string
		file     string
		want     string
		line     int
	}{
		{"revision in a subdirectory", svc, []string{"HEAD~1:api/openapi.yaml", "api/openapi.yaml"}, "api/openapi.yaml", "svc/api/openapi.yaml", 7},
		{"revision from the root", root, []string{"HEAD~1:svc/api/openapi.yaml", "svc/api/openapi.yaml"}, "svc/api/openapi.yaml", "svc/api/openapi.yaml", 7},
		{"base, relative to the working directory", svc, []string{"HEAD~1:api/openapi.yaml", "api/openapi.yaml"}, "HEAD~1:api/openapi.yaml", "svc/api/openapi.yaml", 0},
		{"base from the root", svc, []string{"origin/main:/svc/api/openapi.yaml", "api/openapi.yaml"}, "origin/main:/svc/api/openapi.yaml", "svc/api/openapi.yaml", 0},
		{"a file the base refers to", svc, []string{"HEAD~1:api/openapi.yaml", "api/openapi.yaml"}, "HEAD~1:svc/api/schemas/order.yaml", "svc/api/schemas/order.yaml", 0},
		{"absolute file", root, []string{"a", "b"}, filepath.Join(svc, "api", "openapi.yaml"), "svc/api/openapi.yaml", 7},
		{"standard input", svc, []string{"api/openapi.yaml", "-"}, "<stdin>", "<stdin>", 7},
		{"outside the repository", svc, []string{"../../x.yaml", "api/openapi.yaml"}, "../../x.yaml", "../../x.yaml", 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := []report.Finding{{Rule: "r", File: tc.file, Line: 7, Column: 3}}
			got := fromRepoRoot(in, tc.specs, tc.wd, root)
			if got[0].File != tc.want || got[0].Line != tc.line {
				t.Errorf("file %q line %d, want %q line %d", got[0].File, got[0].Line, tc.want, tc.line)
			}
			if in[0].File != tc.file {
				t.Errorf("the caller's finding changed: %q", in[0].File)
			}
		})
	}
}
