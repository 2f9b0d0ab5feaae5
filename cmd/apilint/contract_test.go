package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apilint/apilint/analyzers"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/apilint/apilint/contract"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runContract runs apilint with args as execute does, and returns what it
// printed and its exit status.
func runContract(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	root := newRoot(analyzers.All(), &stdout, &stderr)
	root.SetArgs(args)
	root.SetIn(strings.NewReader(stdin))
	err := root.Execute()
	var code exitCode
	switch {
	case err == nil:
		return stdout.String(), stderr.String(), exitClean
	case errors.As(err, &code):
		return stdout.String(), stderr.String(), int(code)
	}
	return stdout.String(), stderr.String() + "apilint: " + err.Error() + "\n", exitError
}

const (
	base = "../../contract/testdata/diff/base.yaml"
	rev  = "../../contract/testdata/diff/rev.yaml"
)

func TestContractDiffFormats(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	for _, format := range []string{"text", "json", "markdown", "github"} {
		t.Run(format, func(t *testing.T) {
			out, _, code := runContract(t, "", "contract", "diff", "--format", format, base, rev)
			if code != exitFindings {
				t.Errorf("exit %d, want %d", code, exitFindings)
			}
			golden(t, filepath.Join("testdata/contract", "diff."+format+".golden"), out)
		})
	}
	t.Run("no-group", func(t *testing.T) {
		out, _, _ := runContract(t, "", "contract", "diff", "--no-group", "--level", "note", base, rev)
		golden(t, "testdata/contract/diff.no-group.golden", out)
	})
	t.Run("lint", func(t *testing.T) {
		out, _, code := runContract(t, "", "contract", "lint", "--format", "json", "../../contract/testdata/lint/openapi.yaml")
		if code != exitClean {
			t.Errorf("exit %d: lint findings are warnings, below --fail-on error", code)
		}
		golden(t, "testdata/contract/lint.json.golden", out)
	})
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", file, got)
	}
}

func TestContractExitCodes(t *testing.T) {
	spec, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string
	}{
		{"findings", "", []string{"contract", "diff", base, rev}, exitFindings, "6 findings (6 errors"},
		{"clean", "", []string{"contract", "diff", base, base}, exitClean, "0 findings"},
		{"unknown flag", "", []string{"contract", "diff", "--severity-is-not-a-flag", base, rev}, exitError, "unknown flag"},
		{"fail-on note, only notes", "", []string{"contract", "lint", "--fail-on", "note", "../../contract/testdata/lint/openapi.yaml"}, exitFindings, "4 findings"},
		{"stdin against a file", string(spec), []string{"contract", "diff", "-", base}, exitClean, "0 findings"},
		{"one argument", "", []string{"contract", "diff", base}, exitError, "contract diff takes BASE and REVISION, got 1 arguments"},
		{"bad format", "", []string{"contract", "diff", "--format", "xml", base, rev}, exitError, `--format "xml"`},
		{"bad fail-on", "", []string{"contract", "diff", "--fail-on", "fatal", base, rev}, exitError, `--fail-on "fatal"`},
		{"missing file", "", []string{"contract", "diff", base, "nope.yaml"}, exitError, "apilint: nope.yaml: no such file or directory\n"},
		{"escaping ref", "", []string{"contract", "diff", "../../contract/testdata/escape/parent.yaml", base}, exitError, "leaves the spec's directory"},
		{"no subcommand", "", []string{"contract"}, exitError, "contract needs a subcommand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runContract(t, tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
			if code == exitError && strings.Count(stderr, "\n") > 1 {
				t.Errorf("input and usage errors are one line: %q", stderr)
			}
		})
	}
}

func TestExplainContractRules(t *testing.T) {
	for _, id := range []string{"api-deprecated-header-missing", "breaking-change-without-version-bump", "api-removed-without-deprecation", "api-list-without-pagination"} {
		out, _, code := runContract(t, "", "explain", id)
		if code != exitClean || !strings.HasPrefix(out, id+": ") {
			t.Errorf("explain %s: exit %d, %q", id, code, out)
		}
	}
	_, stderr, code := runContract(t, "", "explain", "no-such-rule")
	if code != exitError || !strings.Contains(stderr, "apilint rules lists them") {
		t.Errorf("explain of an unknown rule: exit %d, %q; want a pointer to apilint rules", code, stderr)
	}
	_, stderr, code = runContract(t, "", "explain", "api-sunset-header-mising")
	if code != exitError || !strings.Contains(stderr, `did you mean "api-sunset-header-missing"`) {
		t.Errorf("explain of a misspelt rule: exit %d, %q; want the nearest rule", code, stderr)
	}
}

func TestContractSARIF(t *testing.T) {
	stdout, stderr, code := runContract(t, "", "contract", "diff", "--format", "sarif", base, rev)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := sarif.FromBytes([]byte(stdout), sarif.WithStrictValidation()); err != nil {
		t.Fatalf("contract SARIF does not validate: %v", err)
	}
	for _, want := range []string{`"id": "api-deprecated-header-missing"`, `"ruleId": `, `"partialFingerprints"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
}

// The contract section of .apilint.yml reaches contract diff, and an
// unknown rule id in it is a clear error.
func TestContractConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".apilint.yml")
	absBase, _ := filepath.Abs(base)
	absRev, _ := filepath.Abs(rev)
	os.WriteFile(cfg, []byte("contract:\n  rules:\n    no-such-rule: warning\n"), 0o644)
	_, stderr, code := runContract(t, "", "contract", "diff", "--config", cfg, absBase, absRev)
	if code != exitError || !strings.Contains(stderr, "no-such-rule") {
		t.Errorf("unknown rule: exit %d: %s", code, stderr)
	}
	os.WriteFile(cfg, []byte("contract:\n  fail-on: note\n"), 0o644)
	if _, _, code := runContract(t, "", "contract", "diff", "--config", cfg, absBase, absRev); code != exitFindings {
		t.Errorf("fail-on from the file: exit %d", code)
	}
}

func TestContractOutputOptions(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	out, _, code := runContract(t, "", "contract", "diff", "--summary", base, rev)
	if code != exitFindings || !strings.HasPrefix(out, "6 findings: 6 errors, 0 warnings, 0 notes\n") ||
		!strings.Contains(out, "error           1          2  response-property-enum-value-added\n") {
		t.Errorf("--summary: exit %d\n%s", code, out)
	}
	if _, stderr, code := runContract(t, "", "contract", "diff", "--summary", "--format", "json", base, rev); code != exitError || !strings.Contains(stderr, "--summary prints text") {
		t.Errorf("--summary --format json: exit %d, %s", code, stderr)
	}
	out, _, _ = runContract(t, "", "contract", "diff", "--all-operations", base, rev)
	if !strings.Contains(out, "    GET /v1/widgets/{id}\n") || strings.Contains(out, "more operation") {
		t.Errorf("--all-operations:\n%s", out)
	}
	out, stderr, code := runContract(t, "", "contract", "diff", base, base)
	if out != "" || code != exitClean {
		t.Errorf("a spec against itself: exit %d, printed %q (%s)", code, out, stderr)
	}
	for _, args := range [][]string{
		{"--flatten-allof"}, {"--match-path", "^/v1/gadgets"}, {"--unmatch-path", "widgets"},
		{"--strip-prefix-base", "/api"}, {"--prefix-revision", "/x"}, {"--exclude-elements", "description,examples"},
	} {
		if _, stderr, code := runContract(t, "", append(append([]string{"contract", "diff"}, args...), base, rev)...); code == exitError {
			t.Errorf("%v: %s", args, stderr)
		}
	}
	if _, stderr, code := runContract(t, "", "contract", "diff", "--exclude-elements", "everything", base, rev); code != exitError || !strings.Contains(stderr, `--exclude-elements "everything"`) {
		t.Errorf("a bad --exclude-elements: exit %d, %s", code, stderr)
	}
}

func TestContractStepSummary(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	out, _, code := runContract(t, "", "contract", "diff", "--format", "github", base, rev)
	if code != exitFindings || strings.Count(out, "::error ") != 6 {
		t.Errorf("exit %d:\n%s", code, out)
	}
	md, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(md), "**apilint**: 6 findings") || strings.Count(string(md), "<details>") != 6 {
		t.Errorf("step summary:\n%s", md)
	}
}

// flagRef is a flag named in a message: --name.
var flagRef = regexp.MustCompile(`(^|[\s(])--([a-z][a-z-]+)`)

// TestContractNamesOnlyItsFlags reads the documentation of every contract
// rule, ours and oasdiff's, and the messages of a diff: every flag they
// name must be a flag of apilint contract diff.
func TestContractNamesOnlyItsFlags(t *testing.T) {
	diff := newContractDiff(io.Discard, io.Discard)
	texts := []string{}
	for _, id := range contract.RuleIDs() {
		doc, _ := contract.Doc(id)
		texts = append(texts, doc)
	}
	out, _, _ := runContract(t, "", "contract", "diff", "--level", "note", base, rev)
	texts = append(texts, out)
	for _, text := range texts {
		for _, m := range flagRef.FindAllStringSubmatch(text, -1) {
			if diff.Flags().Lookup(m[2]) == nil {
				t.Errorf("--%s is named but apilint contract diff has no such flag: %.200s", m[2], text)
			}
		}
	}
}

// TestContractSummaryCounts checks the summary line's words for one of a
// kind: "1 change; 1 finding (1 error, ...)", not "1 changes".
func TestContractSummaryCounts(t *testing.T) {
	dir := t.TempDir()
	// A new major version, so that the removal is the only finding.
	spec := func(version, ops string) string {
		return "openapi: 3.0.3\ninfo: {title: t, version: " + version + "}\npaths:\n" + ops
	}
	get := "  /a:\n    get:\n      responses:\n        '200': {description: ok}\n"
	other := "  /b:\n    get:\n      responses:\n        '200': {description: ok}\n"
	for name, src := range map[string]string{"base.yaml": spec("1.0.0", get+other), "rev.yaml": spec("2.0.0", get)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, stderr, code := runContract(t, "", "contract", "diff", filepath.Join(dir, "base.yaml"), filepath.Join(dir, "rev.yaml"))
	if code != exitFindings || !strings.HasSuffix(stderr, ": 1 change; 1 finding (1 error, 0 warnings, 0 notes)\n") {
		t.Errorf("exit %d, stderr %q; want 1 change; 1 finding (1 error, ...)", code, stderr)
	}
}
