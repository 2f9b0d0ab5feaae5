package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sample() []Finding {
	fs := []Finding{
		{
			Rule: "notimeout", Level: "error", File: "cmd/shop/main.go", Line: 33, Column: 12,
			Message: "http.ListenAndServe serves with an http.Server that has no timeouts",
		},
		{
			Rule: "nplusone", Level: "warning", File: "internal/api/handlers.go", Line: 42, Column: 3,
			Message: "N+1: store.GetUser runs (*sql.DB).QueryRowContext once per element of orders",
			Chain:   []string{"api.(*Server).listOrders", "store.(*PG).GetUser", "(*sql.DB).QueryRowContext"},
		},
		{
			Rule: "api-path-removed-without-deprecation", Level: "note", File: "api/openapi.yaml", Line: 7,
			Message:    "api path removed without deprecation: 100%, commas, and: colons\nsecond line",
			Operations: []string{"GET /v1/widgets", "POST /v1/widgets"},
		},
	}
	for i := range fs {
		fs[i].SetFingerprint()
	}
	return fs
}

func TestRender(t *testing.T) {
	for _, format := range []string{"text", "json", "github"} {
		for _, tc := range []struct {
			name string
			fs   []Finding
		}{{"sample", sample()}, {"empty", nil}} {
			t.Run(format+"/"+tc.name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, format, tc.fs, SARIFOptions{}); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", tc.name+"."+format+".golden")
				if *update {
					if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if got := buf.String(); got != string(want) {
					t.Errorf("%s output differs from %s:\n%s", format, golden, got)
				}
			})
		}
	}
}

// The JSON field names are part of the interface: scripts read them.
func TestJSONFieldNames(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sample()[:1]); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	finding := doc["findings"].([]any)[0].(map[string]any)
	want := []string{"rule", "level", "message", "file", "line", "column", "chain", "operations", "fingerprint"}
	if len(finding) != len(want) {
		t.Errorf("finding has %d fields, want %d: %v", len(finding), len(want), finding)
	}
	for _, k := range want {
		if _, ok := finding[k]; !ok {
			t.Errorf("finding lacks %q", k)
		}
	}
	summary := doc["summary"].(map[string]any)
	for _, k := range []string{"error", "warning", "note"} {
		if _, ok := summary[k]; !ok {
			t.Errorf("summary lacks %q", k)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(new(bytes.Buffer), "xml", nil, SARIFOptions{}); err == nil {
		t.Error("Write accepted format xml")
	}
}

func TestTextListsFirstOperations(t *testing.T) {
	fs := many(1, 12)
	var b strings.Builder
	if err := Text(&b, fs); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), "    GET /v1/things"); got != DefaultOperations {
		t.Errorf("%d operations listed, want %d", got, DefaultOperations)
	}
	if !strings.Contains(b.String(), "    and 7 more operations (--all-operations lists them)\n") {
		t.Errorf("no \"and 7 more\":\n%s", b.String())
	}
	b.Reset()
	if err := TextWith(&b, fs, TextOptions{Operations: -1}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), "    GET /v1/things"); got != 12 || strings.Contains(b.String(), "more") {
		t.Errorf("all operations: %d listed\n%s", got, b.String())
	}
}

func TestSummaryText(t *testing.T) {
	fs := append(many(4, 3), sample()...)
	var b strings.Builder
	if err := SummaryText(&b, fs); err != nil {
		t.Fatal(err)
	}
	want := `7 findings: 3 errors, 2 warnings, 2 notes

level    findings operations  rule
error           2          3  response-property-enum-value-added
error           1          0  notimeout
warning         1          0  nplusone
warning         1          3  response-property-enum-value-added
note            1          2  api-path-removed-without-deprecation
note            1          3  response-property-enum-value-added
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestGitHubAnnotationLimit(t *testing.T) {
	fs := many(90, 12) // 30 of each level
	summary := filepath.Join(t.TempDir(), "summary.md")
	var b strings.Builder
	if err := GitHubWith(&b, fs, GitHubOptions{StepSummary: summary}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, cmd := range []string{"::error ", "::warning ", "::notice "} {
		if n := strings.Count(out, cmd); n != AnnotationsPerLevel {
			t.Errorf("%d %s annotations, want %d", n, strings.Trim(cmd, ": "), AnnotationsPerLevel)
		}
	}
	if !strings.Contains(out, "apilint: 60 more findings are not annotated: GitHub shows 10 errors, 10 warnings and 10 notices per step; the job summary lists them all\n") {
		t.Errorf("no line about what was left out:\n%s", out)
	}
	if !strings.Contains(out, "and 2 more") {
		t.Error("an annotation names more than 10 operations")
	}
	md, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(md), "<details>") != 90 {
		t.Errorf("the step summary has %d findings, want all 90", strings.Count(string(md), "<details>"))
	}
}

// TestFoldRepeats gives three findings that say the same thing at three
// places of a spec, and one about code that says it twice: the first are
// read once, the code findings stay one per line.
func TestFoldRepeats(t *testing.T) {
	same := func(line int, op string) Finding {
		return Finding{Rule: "response-body-all-of-removed", Level: Warning, File: "api.yaml", Line: line,
			Message: "removed `#/components/schemas/base` from the response body `allOf` list", Operations: []string{op}}
	}
	code := Finding{Rule: "notimeout", Level: Error, File: "main.go", Line: 3, Message: "no timeout"}
	code2 := code
	code2.Line = 9
	fs := []Finding{code, same(10, "GET /b"), code2, same(20, "GET /a"), same(30, "GET /b")}
	var b strings.Builder
	if err := Text(&b, fs); err != nil {
		t.Fatal(err)
	}
	want := `main.go:3: notimeout: no timeout
api.yaml:10: response-body-all-of-removed (warning): removed ` + "`#/components/schemas/base`" + ` from the response body ` + "`allOf`" + ` list
    the same at 2 more places: api.yaml:20, api.yaml:30
    GET /a
    GET /b
main.go:9: notimeout: no timeout
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := GitHub(&b, fs); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "::warning "); n != 1 || !strings.Contains(b.String(), "the same at 2 more places, such as api.yaml:20") {
		t.Errorf("%d warning annotations:\n%s", n, b.String())
	}
}
