package report

import (
	"fmt"
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

// many makes n findings, each affecting ops operations, with long
// messages: a report far over any limit.
func many(n, ops int) []Finding {
	var fs []Finding
	for i := 0; i < n; i++ {
		f := Finding{Rule: "response-property-enum-value-added", Level: []Level{Error, Warning, Note}[i%3],
			File: "api.yaml", Line: i + 1,
			Message: fmt.Sprintf("added `v%d` to `Schema%d/property`. %s", i, i, strings.Repeat("Why it matters. ", 20))}
		for j := 0; j < ops; j++ {
			f.Operations = append(f.Operations, fmt.Sprintf("GET /v1/things%d/{id}", j))
		}
		fs = append(fs, f)
	}
	return fs
}

func TestMarkdownFitsAComment(t *testing.T) {
	fs := many(2000, 446)
	var b strings.Builder
	if err := Markdown(&b, fs); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(out) > CommentLimit {
		t.Errorf("%d bytes, over a comment's %d", len(out), CommentLimit)
	}
	if !strings.Contains(out, "findings are not shown**: they do not fit in a pull-request comment") {
		t.Errorf("no note on what was left out:\n%s", out[len(out)-400:])
	}
	if strings.Count(out, "<details>") != strings.Count(out, "</details>") {
		t.Error("a <details> block is cut")
	}
	if !strings.Contains(out, "and 396 more") {
		t.Error("a finding lists all its operations")
	}
	// The most serious come first: every error is shown before a note.
	if i, j := strings.Index(out, "<b>note</b>"), strings.LastIndex(out, "<b>error</b>"); i >= 0 && i < j {
		t.Error("a note is shown before an error")
	}
	b.Reset()
	if err := MarkdownWith(&b, fs, MarkdownOptions{Limit: StepSummaryLimit}); err != nil {
		t.Fatal(err)
	}
	if n := b.Len(); n > StepSummaryLimit || n < 10*CommentLimit {
		t.Errorf("step summary of %d bytes, want between %d and %d", n, 10*CommentLimit, StepSummaryLimit)
	}
}
