package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const clientGo = `package a

import "net/http"

func A() { http.Get("http://x") }
`

// TestBaseline records the findings, then checks that inserting lines
// above keeps them accepted and changing a finding's code makes it new.
func TestBaseline(t *testing.T) {
	dir := module(t, map[string]string{"a/a.go": clientGo})
	base := filepath.Join(dir, "apilint-baseline.json")
	if code, _, stderr := runCmd(t, dir, "--write-baseline", base); code != 0 || !strings.Contains(stderr, "recorded 1 finding ") {
		t.Fatalf("--write-baseline: exit %d, %s", code, stderr)
	}
	if code, stdout, stderr := runCmd(t, dir, "--baseline", base); code != 0 || stdout != "" || !strings.Contains(stderr, "1 in the baseline") {
		t.Fatalf("with the baseline: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	edit := func(content string) {
		if err := os.WriteFile(filepath.Join(dir, "a/a.go"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(strings.Replace(clientGo, "import", "// A comment.\n// Another.\n\nimport", 1))
	if code, stdout, _ := runCmd(t, dir, "--baseline", base); code != 0 || stdout != "" {
		t.Errorf("lines inserted above: exit %d, %s", code, stdout)
	}
	edit(strings.Replace(clientGo, `"http://x"`, `"http://y"`, 1))
	if code, stdout, _ := runCmd(t, dir, "--baseline", base); code != 1 || !strings.Contains(stdout, "http.Get") {
		t.Errorf("changed finding: exit %d, %s", code, stdout)
	}
	if code, _, stderr := runCmd(t, dir, "--baseline", filepath.Join(dir, "missing.json")); code != 2 || !strings.Contains(stderr, "reading baseline") {
		t.Errorf("missing baseline: exit %d, %s", code, stderr)
	}
}

// TestNewFromRev reports only findings on lines changed since a commit.
func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := module(t, map[string]string{"a/a.go": clientGo})
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@e", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@e")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "base")
	if code, stdout, _ := runCmd(t, dir, "--new-from-rev", "HEAD"); code != 0 || stdout != "" {
		t.Errorf("nothing changed: exit %d, %s", code, stdout)
	}
	if err := os.WriteFile(filepath.Join(dir, "a/b.go"), []byte("package a\n\nimport \"net/http\"\n\nfunc B() { http.Head(\"http://x\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCmd(t, dir, "--new-from-rev", "HEAD")
	if code != 1 || !strings.Contains(stdout, "http.Head") || strings.Contains(stdout, "http.Get") {
		t.Errorf("one new finding: exit %d, %s", code, stdout)
	}
	if code, _, stderr := runCmd(t, dir, "--new-from-rev", "nope"); code != 2 || !strings.Contains(stderr, "not a commit") {
		t.Errorf("bad revision: exit %d, %s", code, stderr)
	}
}

// TestIgnoreDirective checks //apilint:ignore end to end, and that a
// directive naming no rule is reported.
func TestIgnoreDirective(t *testing.T) {
	dir := module(t, map[string]string{"a/a.go": `package a

import "net/http"

func A() {
	//apilint:ignore notimeout the health probe must not hang: the caller times out
	http.Get("http://x")
	//apilint:ignore notimout typo
	http.Head("http://x")
}
`})
	code, stdout, _ := runCmd(t, dir)
	if code != 1 || strings.Contains(stdout, "http.Get") || !strings.Contains(stdout, "http.Head") ||
		!strings.Contains(stdout, `apilint (note): //apilint:ignore names no rule "notimout"`) {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

// TestFix applies suggested fixes and reports what has none.
func TestFix(t *testing.T) {
	dir := module(t, map[string]string{"a/a.go": `package a

import (
	"log"
	"net/http"
)

func Serve(mux *http.ServeMux) {
	log.Fatal(http.ListenAndServe(":8080", mux))
}

func Client() *http.Client { return &http.Client{} }

func Get() { http.Get("http://x") }
`})
	code, stdout, stderr := runCmd(t, dir, "--fix")
	if code != 1 || !strings.Contains(stderr, "applied 2 fixes to 1 file") || !strings.Contains(stdout, "http.Get") {
		t.Fatalf("--fix: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "a/a.go"))
	for _, want := range []string{`"time"`, "ReadHeaderTimeout: 10 * time.Second", "&http.Client{Timeout: 10 * time.Second}"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("fixed file lacks %q:\n%s", want, src)
		}
	}
	if code, stdout, _ := runCmd(t, dir); code != 1 || strings.Count(stdout, "notimeout:") != 1 {
		t.Errorf("after --fix: exit %d\n%s", code, stdout)
	}
}
