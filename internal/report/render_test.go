package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
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
