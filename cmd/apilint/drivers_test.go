package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/findings"
)

// The drivers see one program and one configuration: these tests run the
// same module through the apilint command and go vet -vettool (and
// golangci-lint, when APILINT_GOLANGCI names a binary built with the
// plugins) and compare "file:line: rule level".

// TestMain lets the test binary stand in for an apilint built with other
// rules: with APILINT_TEST_RULES=fifth it is apilint with a fifth rule,
// which go vet can run as its tool.
func TestMain(m *testing.M) {
	if os.Getenv("APILINT_TEST_RULES") == "fifth" {
		os.Exit(run(withFifth(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// writeTree writes files (path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// standaloneSet runs the apilint command in dir and returns its findings.
func standaloneSet(t *testing.T, bin, dir string, env ...string) []string {
	t.Helper()
	cmd := exec.Command(bin, "--format", "json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if code := exitStatus(err); code != 0 && code != 1 {
		t.Fatalf("apilint exit %d: %v\n%s", code, err, stderrOf(err))
	}
	var doc struct {
		Findings []struct {
			Rule, File, Level string
			Line              int
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("apilint output is not JSON: %v\n%s", err, out)
	}
	root, _ := filepath.EvalSymlinks(dir)
	var got []string
	for _, f := range doc.Findings {
		abs, _ := filepath.EvalSymlinks(filepath.Join(findRepoOrModule(dir), f.File))
		rel, _ := filepath.Rel(root, abs)
		got = append(got, fmt.Sprintf("%s:%d: %s %s", filepath.ToSlash(rel), f.Line, f.Rule, f.Level))
	}
	sort.Strings(got)
	return got
}

// findRepoOrModule returns the directory standalone paths are relative to.
func findRepoOrModule(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

var posn = regexp.MustCompile(`^(.*):(\d+):\d+$`)

// vetSet runs go vet -vettool=bin -json in dir and returns its findings.
func vetSet(t *testing.T, bin, dir string, env ...string) []string {
	t.Helper()
	cmd := exec.Command("go", "vet", "-vettool="+bin, "-json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if code := exitStatus(err); code != 0 && code != 1 {
		t.Fatalf("go vet exit %d\n%s", code, out)
	}
	root, _ := filepath.EvalSymlinks(dir)
	var got []string
	dec := json.NewDecoder(strings.NewReader(jsonOnly(string(out))))
	for dec.More() {
		var doc map[string]map[string]json.RawMessage
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("go vet -json: %v\n%s", err, out)
		}
		for _, byRule := range doc {
			for rule, raw := range byRule {
				var ds []struct{ Posn, Category string }
				if json.Unmarshal(raw, &ds) != nil {
					continue // {"error": ...}
				}
				for _, d := range ds {
					m := posn.FindStringSubmatch(d.Posn)
					abs, _ := filepath.EvalSymlinks(m[1])
					rel, _ := filepath.Rel(root, abs)
					level := d.Category
					if level == "" {
						level = "error"
					}
					line, _ := strconv.Atoi(m[2])
					got = append(got, fmt.Sprintf("%s:%d: %s %s", filepath.ToSlash(rel), line, rule, level))
				}
			}
		}
	}
	sort.Strings(got)
	return got
}

// jsonOnly drops go vet's "# package" lines around the JSON objects.
func jsonOnly(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// golangciSet runs golangci-lint with the plugins, if available.
func golangciSet(t *testing.T, dir string, linters []string) ([]string, bool) {
	t.Helper()
	bin := os.Getenv("APILINT_GOLANGCI")
	if bin == "" {
		return nil, false
	}
	bin, _ = filepath.Abs(bin)
	var cfg strings.Builder
	cfg.WriteString("version: \"2\"\nlinters:\n  default: none\n  enable: [" + strings.Join(linters, ", ") + "]\n  settings:\n    custom:\n")
	for _, l := range linters {
		fmt.Fprintf(&cfg, "      %s:\n        type: module\n", l)
	}
	cfgPath := filepath.Join(t.TempDir(), "golangci.yml")
	if err := os.WriteFile(cfgPath, []byte(cfg.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--config", cfgPath, "--path-mode", "abs", "--output.json.path", "stdout", "--output.text.path", "stderr", "./...")
	cmd.Dir = dir
	out, err := cmd.Output()
	if code := exitStatus(err); code != 0 && code != 1 {
		t.Fatalf("golangci-lint exit %d\n%s", code, stderrOf(err))
	}
	first, _, _ := strings.Cut(string(out), "\n")
	var doc struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal([]byte(first), &doc); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, out)
	}
	root, _ := filepath.EvalSymlinks(dir)
	var got []string
	for _, is := range doc.Issues {
		level := "error"
		for _, l := range []string{"warning", "note"} {
			if strings.HasPrefix(is.Text, l+": ") {
				level = l
			}
		}
		abs, _ := filepath.EvalSymlinks(is.Pos.Filename)
		rel, _ := filepath.Rel(root, abs)
		got = append(got, fmt.Sprintf("%s:%d: %s %s", filepath.ToSlash(rel), is.Pos.Line, is.FromLinter, level))
	}
	sort.Strings(got)
	return got, true
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// A helper that calls its argument per element, and a repository, both
// in a sibling module the service replaces with a directory: the apilint
// command summarises them as go vet does.
func TestReplacedSiblingModule(t *testing.T) {
	bin := buildBinary(t)
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"lib/go.mod": "module example.com/lib\n\ngo 1.26\n",
		"lib/fn/fn.go": `package fn

// Map calls f on each element and stops at the first error.
func Map[T, U any](xs []T, f func(T) (U, error)) ([]U, error) {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		u, err := f(x)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}
`,
		"lib/repo/repo.go": `package repo

import (
	"context"
	"database/sql"
)

// Users reads users.
type Users struct{ DB *sql.DB }

// Name returns a user's name.
func (u *Users) Name(ctx context.Context, id int64) (string, error) {
	var s string
	err := u.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&s)
	return s, err
}
`,
		"svc/go.mod": "module example.com/svc\n\ngo 1.26\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n",
		"svc/names/names.go": `package names

import (
	"context"

	"example.com/lib/fn"
	"example.com/lib/repo"
)

// Names loads the names of ids through the helper.
func Names(ctx context.Context, u *repo.Users, ids []int64) ([]string, error) {
	return fn.Map(ids, func(id int64) (string, error) { return u.Name(ctx, id) })
}

// Loop loads them in a loop of its own.
func Loop(ctx context.Context, u *repo.Users, ids []int64) {
	for _, id := range ids {
		u.Name(ctx, id)
	}
}
`,
	})
	dir := filepath.Join(root, "svc")
	want := []string{"names/names.go:12: nplusone error", "names/names.go:18: nplusone error"}
	same(t, "apilint", standaloneSet(t, bin, dir), want)
	same(t, "go vet -vettool=apilint", vetSet(t, bin, dir), want)
}

// One .apilint.yml, every driver: a rule turned off stays off, a rule
// re-levelled is re-levelled, and a flag set in the file applies.
func TestConfigThroughEveryDriver(t *testing.T) {
	bin := buildBinary(t)
	dir := module(t, map[string]string{
		"a/a.go": `package a

import (
	"context"
	"database/sql"
	"net/http"
)

// Names runs one query per id, then one write per id.
func Names(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
		db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", id)
	}
	http.Get("http://example.com")
}
`,
		".apilint.yml": "analyzers:\n  notimeout:\n    enabled: false\n  nplusone:\n    level: warning\n    writes: false\n",
	})
	want := []string{"a/a.go:12: nplusone warning"}
	same(t, "apilint", standaloneSet(t, bin, dir), want)
	same(t, "go vet -vettool=apilint", vetSet(t, bin, dir), want)
	if got, ok := golangciSet(t, dir, analyzers.Names(analyzers.All())); ok {
		same(t, "golangci-lint", got, want)
	} else {
		t.Log("APILINT_GOLANGCI is not set: golangci-lint not compared (.ci/run sets it)")
	}
}

// fifth is a trivial rule for TestFifthRule: it reports every call of a
// function named forbidden, and has one flag.
func fifth(fx *analysis.Analyzer, out *findings.Options) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "fifth",
		Doc:      "fifth: report calls of forbidden\n\nA rule that exists to test that a rule added to analyzers.All reaches every driver.",
		Requires: []*analysis.Analyzer{fx},
	}
	level := a.Flags.String("say", "calls forbidden", "what to say")
	a.Run = func(pass *analysis.Pass) (any, error) {
		rep := findings.Start(pass, out)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "forbidden" {
						rep.Report(findings.Finding{Pos: call.Pos(), End: call.End(), Message: *level})
					}
				}
				return true
			})
		}
		return nil, rep.Finish()
	}
	return a
}

func withFifth() []analyzers.Rule {
	return append(analyzers.All(), analyzers.Rule{Name: "fifth", New: fifth})
}

// A rule added to the registry reaches every driver and every list of
// rules with no other edit.
func TestFifthRule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet; skipped with -short")
	}
	dir := module(t, map[string]string{
		"a/a.go": `package a

func forbidden() {}

func A() {
	forbidden()
	//apilint:ignore fifth this one is allowed: a test of the directive
	forbidden()
}
`,
		".apilint.yml": "analyzers:\n  fifth:\n    say: no forbidden calls\n",
	})
	rules := withFifth()
	code, stdout, stderr := runWith(t, rules, dir, "--format", "json")
	if code != 1 || !strings.Contains(stdout, `"rule": "fifth"`) || !strings.Contains(stdout, "no forbidden calls") || strings.Count(stdout, `"rule": "fifth"`) != 1 {
		t.Errorf("apilint with a fifth rule: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, _ := runWith(t, rules, dir, "--enable", "fifth", "--fifth.say", "flag wins"); code != 1 || !strings.Contains(stdout, "fifth: flag wins") {
		t.Errorf("--fifth.say: exit %d\n%s", code, stdout)
	}
	if _, stdout, _ := runWith(t, rules, "", "explain", "fifth"); !strings.Contains(stdout, "report calls of forbidden") {
		t.Errorf("explain fifth:\n%s", stdout)
	}
	if _, stdout, _ := runWith(t, rules, dir, "--format", "sarif"); !strings.Contains(stdout, `"id": "fifth"`) {
		t.Errorf("SARIF lacks the fifth rule")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	same(t, "go vet with the fifth rule", vetSet(t, exe, dir, "APILINT_TEST_RULES=fifth"), []string{"a/a.go:6: fifth error"})
}

// runWith runs the command with rules in dir.
func runWith(t *testing.T, rules []analyzers.Rule, dir string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr strings.Builder
	wd, _ := os.Getwd()
	if dir != "" {
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
	}
	code := run(rules, args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}
