package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/driver"
	"github.com/apilint/apilint/internal/effects"
)

// Issue 16's safety tests at the command's level; internal/rewrite tests
// the transaction itself (interruptions, concurrent runs, overlaps).

const fixableGo = `package a

import (
	"log"
	"net/http"
)

func Serve(mux *http.ServeMux) {
	log.Fatal(http.ListenAndServe(":8080", mux))
}

func Client() *http.Client { return &http.Client{} }
`

// analyse runs the driver on dir as the command does.
func analyse(t *testing.T, dir string) *driver.Result {
	t.Helper()
	var slot atomic.Pointer[effects.Program]
	set := analyzers.Build(analyzers.All(), analyzers.Options{Program: &slot})
	res, err := driver.Run(driver.Options{Dir: dir, Analyzers: set.Rules, Effects: set.Effects, Program: &slot})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A file edited between the analysis and the fix keeps its edit: its
// fixes are not applied at offsets that no longer mean anything, the
// command says so, and the findings stay reported.
func TestFixFileEditedSinceAnalysis(t *testing.T) {
	dir := module(t, map[string]string{"a/a.go": fixableGo})
	res := analyse(t, dir)
	file := filepath.Join(dir, "a", "a.go")
	edited := strings.Replace(fixableGo, "package a", "// Package a serves.\npackage a", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	left, err := applyFixes(&stderr, res.Findings, res)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file); string(got) != edited {
		t.Errorf("the edited file was changed:\n%s", got)
	}
	if len(left) != len(res.Findings) || !strings.Contains(stderr.String(), "changed since analysis") {
		t.Errorf("%d of %d findings left; stderr:\n%s", len(left), len(res.Findings), stderr.String())
	}
}

// A read-only file is left alone and named; the other files are fixed.
func TestFixReadOnlyFile(t *testing.T) {
	dir := module(t, map[string]string{"a/a.go": fixableGo, "b/b.go": strings.Replace(fixableGo, "package a", "package b", 1)})
	ro := filepath.Join(dir, "b", "b.go")
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	if f, err := os.OpenFile(ro, os.O_WRONLY, 0); err == nil {
		f.Close()
		t.Skip("running as a user that may write read-only files")
	}
	code, _, stderr := runCmd(t, dir, "--fix")
	if code != 1 {
		t.Errorf("exit %d, want 1 (the read-only file's findings remain)\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(ro); !strings.Contains(string(got), "&http.Client{}") {
		t.Errorf("the read-only file was changed")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a", "a.go")); !strings.Contains(string(got), "Timeout: 10 * time.Second") {
		t.Errorf("the writable file was not fixed:\n%s", got)
	}
	if !strings.Contains(stderr, "left b/b.go unchanged") || !strings.Contains(stderr, "changed a/a.go") {
		t.Errorf("stderr does not say what changed:\n%s", stderr)
	}
}

// Fingerprints are relative to the repository root: the same baseline
// matches from the root, from a subdirectory, and with -C.
func TestBaselineFromThreeDirectories(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	writeTree(t, repo, map[string]string{
		"svc/go.mod": "module example.com/svc\n\ngo 1.26\n",
		"svc/a/a.go": fixableGo,
	})
	if out, err := exec.Command("git", "-C", repo, "init", "-q").CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	svc := filepath.Join(repo, "svc")
	base := filepath.Join(repo, "baseline.json")
	if code, _, stderr := runCmd(t, svc, "--write-baseline", base); code != 0 {
		t.Fatalf("--write-baseline: exit %d\n%s", code, stderr)
	}
	for _, tc := range []struct {
		dir, name string
		args      []string
	}{
		{svc, "the module", nil},
		{filepath.Join(svc, "a"), "a subdirectory", []string{"./..."}},
		{repo, "-C svc", []string{"-C", "svc", "./..."}},
	} {
		code, stdout, stderr := runCmd(t, tc.dir, append([]string{"--baseline", base}, tc.args...)...)
		if code != 0 || stdout != "" || !strings.Contains(stderr, "2 in the baseline") {
			t.Errorf("from %s: exit %d, stdout %q, stderr %q", tc.name, code, stdout, stderr)
		}
	}
}
