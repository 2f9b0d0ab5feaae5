package contract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/config"
	"github.com/apilint/apilint/internal/report"
)

// undeprecated writes headers.yaml with no operation deprecated, as the
// base of a diff that deprecates them all.
func undeprecated(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/headers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, dir, map[string]string{"base.yaml": strings.ReplaceAll(string(data), "      deprecated: true\n", "")})
	return filepath.Join(dir, "base.yaml")
}

func TestHeaderRules(t *testing.T) {
	res, err := Diff(undeprecated(t), "testdata/headers.yaml", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ level, rule, op, message string }
	tests := []want{
		{"error", RuleDeprecatedHeaderMissing, "GET /v1/a", "its response 200 declares no Deprecation header"},
		{"error", RuleDeprecatedHeaderMissing, "GET /v1/f", "its response 201 declares no Deprecation header"},
		{"error", RuleSunsetHeaderMissing, "GET /v1/c", "its response 200 declares no Sunset header"},
		{"warning", RuleDeprecationExample, "GET /v1/c", `the Deprecation header example is the legacy "true"`},
		{"error", RuleDeprecationExample, "GET /v1/d", `the Deprecation header example "yesterday" is not an RFC 9651 date`},
		{"error", RuleSunsetExample, "GET /v1/d", `the Sunset header example "not a date" is not an HTTP-date`},
		{"error", RuleSunsetExample, "GET /v1/e", "is before the Deprecation example (Wed, 18 May 2033 03:33:20 GMT)"},
		{"error", RuleSunsetExample, "GET /v1/e", "is not on the operation's x-sunset date 2034-12-31"},
	}
	var got []want
	for _, f := range res.Findings {
		switch f.Rule {
		case RuleDeprecatedHeaderMissing, RuleSunsetHeaderMissing, RuleDeprecationExample, RuleSunsetExample:
		default:
			continue // oasdiff's deprecation rules, the version rule
		}
		if len(f.Operations) != 1 {
			t.Errorf("%s: operations %v, want one", f.Rule, f.Operations)
			continue
		}
		got = append(got, want{string(f.Level), f.Rule, f.Operations[0], f.Message})
	}
	for _, w := range tests {
		found := false
		for _, g := range got {
			found = found || (g.level == w.level && g.rule == w.rule && g.op == w.op && strings.Contains(g.message, w.message))
		}
		if !found {
			t.Errorf("missing %s %s %s: %q", w.level, w.rule, w.op, w.message)
		}
	}
	if len(got) != len(tests) {
		t.Errorf("%d findings, want %d:", len(got), len(tests))
		for _, g := range got {
			t.Logf("  %s %s %s: %s", g.level, g.rule, g.op, g.message)
		}
	}
	// /v1/b declares both headers through $refs (one of them lower-case)
	// with good examples; /v1/g is not deprecated.
	for _, g := range got {
		if g.op == "GET /v1/b" || g.op == "GET /v1/g" {
			t.Errorf("%s should be clean: %s %s", g.op, g.rule, g.message)
		}
	}
}

// TestHeaderRulesJudgeTheChange checks that contract diff leaves alone
// the deprecations a diff does not touch, and reports one whose sunset
// it moves.
func TestHeaderRulesJudgeTheChange(t *testing.T) {
	res, err := Diff("testdata/headers.yaml", "testdata/headers.yaml", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("a spec against itself: %v", summaries(res.Findings))
	}
	data, err := os.ReadFile("testdata/headers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	moved := strings.Replace(string(data), "  /v1/c:\n    get:\n      deprecated: true\n      x-sunset: \"2034-12-31\"", "  /v1/c:\n    get:\n      deprecated: true\n      x-sunset: \"2035-06-30\"", 1)
	write(t, dir, map[string]string{"rev.yaml": moved})
	res, err = Diff("testdata/headers.yaml", filepath.Join(dir, "rev.yaml"), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, f := range res.Findings {
		if f.Rule == RuleSunsetHeaderMissing || f.Rule == RuleDeprecatedHeaderMissing {
			ops = append(ops, f.Rule+" "+strings.Join(f.Operations, ","))
		}
	}
	if strings.Join(ops, "; ") != RuleSunsetHeaderMissing+" GET /v1/c" {
		t.Errorf("header findings %v, want only the Sunset header of GET /v1/c, whose x-sunset moved", ops)
	}
}

func TestDeprecationLint(t *testing.T) {
	fs, err := Lint("testdata/headers.yaml", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"warning " + RuleDeprecationLint + " [GET /v1/a, GET /v1/f]", // no Deprecation header
		"warning " + RuleDeprecationLint + " [GET /v1/c]",            // no Sunset header
		"warning " + RuleDeprecationLint + " [GET /v1/c]",            // legacy "true"
		"warning " + RuleDeprecationLint + " [GET /v1/d]",
		"warning " + RuleDeprecationLint + " [GET /v1/d]",
		"warning " + RuleDeprecationLint + " [GET /v1/e]",
		"warning " + RuleDeprecationLint + " [GET /v1/e]",
	}
	var got []string
	for _, s := range summaries(fs) {
		if strings.Contains(s, RuleDeprecationLint) {
			got = append(got, s)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRulesHaveDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Doc == "" || r.Level == "" {
			t.Errorf("rule %s lacks summary, doc or level", r.ID)
		}
	}
}

func TestDoc(t *testing.T) {
	tests := []struct{ id, want string }{
		{RuleDeprecatedHeaderMissing, "RFC 9745"},
		{RuleVersionNotBumped, "Default level: error"},
		{RulePathWithoutVersion, "apilint contract lint"},
		{"api-removed-without-deprecation", "endpoint deleted without deprecation"},
		{"response-property-enum-value-added", "Why: The server may now return a value"},
		{"api-sunset-date-too-small", "Message: sunset date … is too small"},
	}
	for _, tt := range tests {
		doc, ok := Doc(tt.id)
		if !ok || !strings.Contains(doc, tt.want) {
			t.Errorf("Doc(%s) = %v %q, want it to contain %q", tt.id, ok, doc, tt.want)
		}
	}
	if _, ok := Doc("no-such-rule"); ok {
		t.Error("Doc of an unknown rule")
	}
	for _, id := range RuleIDs() {
		if doc, ok := Doc(id); !ok || !strings.HasPrefix(doc, id+": ") {
			t.Errorf("rule %s has no documentation", id)
		}
	}
}

func TestLint(t *testing.T) {
	fs, err := Lint("testdata/lint/openapi.yaml", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"warning api-error-schema-inconsistent [GET /health]",
		"warning api-list-without-pagination [GET /v1/invoices]",
		"warning api-list-without-pagination [GET /v1/orders]",
		"warning api-path-without-version [GET /health]",
	}
	if got := summaries(fs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range fs {
		if f.Line == 0 || f.File != "testdata/lint/openapi.yaml" {
			t.Errorf("%s at %s:%d", f.Rule, f.File, f.Line)
		}
	}
}

func TestLintVersionInServers(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"api.yaml": strings.Replace(minimal, "paths: {}",
		"servers: [{url: 'https://api.example.com/v1'}]\npaths:\n  /widgets:\n    get:\n      responses:\n        '200': {description: ok}", 1)})
	fs, err := Lint("api.yaml", Options{Load: LoadOptions{Dir: dir}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Rule == RulePathWithoutVersion {
			t.Errorf("versioned server URL, still: %s", f.Message)
		}
	}
}

// TestLintPrecision holds the look-alikes that real specs taught the lint
// rules to leave alone: lists of a code-defined set, lists paginated
// JSON:API's way, error schemas that extend the common one, RFC 6749's
// OAuth error, and a version in the server URL.
func TestLintPrecision(t *testing.T) {
	o := DefaultOptions()
	o.Level = report.Note
	fs, err := Lint("testdata/lint/bounded.yaml", o)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"note api-list-without-pagination [GET /locks]",        // a lookup
		"note api-list-without-pagination [GET /report_types]", // a catalog, by name
		"warning api-error-schema-inconsistent [GET /legacy]",
		"warning api-list-without-pagination [GET /things]",
	}
	if got := summaries(fs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPathVersionSegments(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"/v1/widgets", "v1"},
		{"/api/v2beta1/widgets", "v2beta1"},
		{"/2.0/files", "2.0"},
		{"/2010-04-01/Accounts.json", "2010-04-01"},
		{"/client/v4/zones", "v4"},
		{"/widgets/v1x", ""},
		{"/widgets", ""},
		{"/files/2.txt", ""},
	}
	for _, tt := range tests {
		if got := pathVersion(tt.path); got != tt.want {
			t.Errorf("pathVersion(%s) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// TestOverrideHelpParses checks that the configuration apilint explain
// recommends is one the loader accepts, and that it sets the level.
func TestOverrideHelpParses(t *testing.T) {
	for _, id := range []string{RuleDeprecatedHeaderMissing, "api-removed-without-deprecation"} {
		doc, _ := Doc(id)
		if !strings.Contains(doc, indent(OverrideSnippet(id), "    ")) {
			t.Errorf("Doc(%s) does not show the snippet:\n%s", id, doc)
		}
		f, err := config.Parse(".apilint.yml", []byte(OverrideSnippet(id)))
		if err != nil {
			t.Fatalf("the snippet for %s does not load: %v", id, err)
		}
		if f.Contract.Rules[id] != "warning" {
			t.Errorf("the snippet for %s sets %v", id, f.Contract.Rules)
		}
	}
}
