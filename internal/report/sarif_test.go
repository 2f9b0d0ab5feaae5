package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

func sarifOptions() SARIFOptions {
	return SARIFOptions{
		Root:    "/repo",
		WorkDir: "/repo/svc",
		Version: "v1.2.3",
		Rules: []Rule{
			{ID: "nplusone", Short: "report a round trip per element", Help: "nplusone: ...\n\nThe whole documentation.", Level: "error"},
			{ID: "notimeout", Short: "report calls with no timeout", Help: "notimeout: ...", Level: "error"},
		},
	}
}

// decode reads SARIF back, validating it against the 2.1.0 schema.
func decode(t *testing.T, data []byte) map[string]any {
	t.Helper()
	if _, err := sarif.FromBytes(data, sarif.WithStrictValidation()); err != nil {
		t.Fatalf("output does not validate against SARIF 2.1.0: %v\n%s", err, data)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSARIFCodeScanning checks what GitHub code scanning requires of an
// upload: version and schema, a tool.driver with name and rules, results
// with ruleId, message.text, a location with a repository-relative URI and
// a startLine, and partialFingerprints.
func TestSARIFCodeScanning(t *testing.T) {
	var buf bytes.Buffer
	fs := sample()
	fs[0].File = "cmd/shop/main.go" // relative to WorkDir /repo/svc
	if err := SARIF(&buf, fs, sarifOptions()); err != nil {
		t.Fatal(err)
	}
	doc := decode(t, buf.Bytes())
	if doc["version"] != "2.1.0" || doc["$schema"] == nil {
		t.Errorf("version %v, schema %v", doc["version"], doc["$schema"])
	}
	run := doc["runs"].([]any)[0].(map[string]any)
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["name"] != "apilint" || driver["version"] != "v1.2.3" {
		t.Errorf("driver = %v", driver)
	}
	rules := driver["rules"].([]any)
	ids := map[string]map[string]any{}
	for _, r := range rules {
		rm := r.(map[string]any)
		ids[rm["id"].(string)] = rm
	}
	for _, id := range []string{"nplusone", "notimeout", "api-path-removed-without-deprecation"} {
		r, ok := ids[id]
		if !ok {
			t.Errorf("no rule %s", id)
			continue
		}
		if r["help"] == nil || r["shortDescription"] == nil {
			t.Errorf("rule %s lacks help or shortDescription: %v", id, r)
		}
	}
	if help := ids["nplusone"]["help"].(map[string]any)["text"]; help != "nplusone: ...\n\nThe whole documentation." {
		t.Errorf("nplusone help = %q", help)
	}
	results := run["results"].([]any)
	if len(results) != 3 {
		t.Fatalf("%d results", len(results))
	}
	first := results[0].(map[string]any)
	if first["ruleId"] != "notimeout" || first["level"] != "error" || first["message"].(map[string]any)["text"] == "" {
		t.Errorf("result = %v", first)
	}
	loc := first["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	if uri := loc["artifactLocation"].(map[string]any)["uri"]; uri != "svc/cmd/shop/main.go" {
		t.Errorf("uri = %v, want it relative to the repository root", uri)
	}
	if line := loc["region"].(map[string]any)["startLine"]; line != float64(33) {
		t.Errorf("startLine = %v", line)
	}
	if fp := first["partialFingerprints"].(map[string]any)[fingerprintKey]; fp != fs[0].Fingerprint {
		t.Errorf("partialFingerprints = %v", first["partialFingerprints"])
	}
	second := results[1].(map[string]any)
	if second["level"] != "warning" || second["properties"].(map[string]any)["chain"] == nil {
		t.Errorf("second result = %v", second)
	}
	if results[2].(map[string]any)["level"] != "note" {
		t.Errorf("third result level = %v", results[2].(map[string]any)["level"])
	}
}

func TestSARIFEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := SARIF(&buf, nil, sarifOptions()); err != nil {
		t.Fatal(err)
	}
	doc := decode(t, buf.Bytes())
	run := doc["runs"].([]any)[0].(map[string]any)
	results, ok := run["results"].([]any)
	if !ok || len(results) != 0 {
		t.Errorf("results = %v, want an empty array", run["results"])
	}
}
