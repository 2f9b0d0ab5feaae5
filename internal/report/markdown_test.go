package report

import (
	"os"
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name string
		fs   []Finding
	}{
		{"empty", nil},
		{"findings", []Finding{
			{Rule: "notimeout", Level: "error", Message: "http.Get uses a client with no timeout", File: "main.go", Line: 12, Column: 3,
				Chain: []string{"main.handler", "main.fetch"}},
			{Rule: "response-property-enum-value-added", Level: "warning", File: "api.yaml", Line: 40,
				Message:    "added `x` to `A|B` <values>",
				Operations: []string{"GET /v1/a", "GET /v1/b", "GET /v1/c", "GET /v1/d", "POST /v1/e"}},
			{Rule: "breaking-change-without-version-bump", Level: "note", Message: "compared as strings", File: "api.yaml"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := Write(&b, "markdown", tt.fs, SARIFOptions{}); err != nil {
				t.Fatal(err)
			}
			file := "testdata/markdown." + tt.name + ".golden"
			if *update {
				if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != string(want) {
				t.Errorf("got\n%s\nwant\n%s", b.String(), want)
			}
		})
	}
}
