package plugin

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/example"
)

// TestGolangci runs a golangci-lint built with the plugins
// (plugin/build-custom-gcl.sh; APILINT_GOLANGCI names the binary) on the
// example service with .golangci.example.yml, and checks it reports the
// findings of testdata/example/expected.txt, each under its analyzer's
// name, and that //nolint:nplusone silences one analyzer only.
func TestGolangci(t *testing.T) {
	bin := os.Getenv("APILINT_GOLANGCI")
	if bin == "" {
		t.Skip("APILINT_GOLANGCI is not set: build with plugin/build-custom-gcl.sh to run this test")
	}
	bin, _ = filepath.Abs(bin)
	repo, _ := filepath.Abs("..")
	exampleDir := example.Dir()

	got := golangci(t, bin, exampleDir, filepath.Join(repo, ".golangci.example.yml"))
	want, err := example.Expected()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("golangci-lint reported:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}

	// //nolint:nplusone on the N+1 silences nplusone, and only it.
	copyDir := t.TempDir()
	if out, err := exec.Command("cp", "-R", exampleDir+"/.", copyDir).CombinedOutput(); err != nil {
		t.Fatalf("copying the example: %v\n%s", err, out)
	}
	handlers := filepath.Join(copyDir, "internal", "api", "handlers.go")
	src, err := os.ReadFile(handlers)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "u, err := s.Store.GetUser(ctx, o.UserID)",
		"u, err := s.Store.GetUser(ctx, o.UserID) //nolint:nplusone // orders are few here", 1)
	if err := os.WriteFile(handlers, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	got = golangci(t, bin, copyDir, filepath.Join(repo, ".golangci.example.yml"))
	var wantNolint []string
	for _, w := range want {
		if !strings.HasSuffix(w, ": nplusone") {
			wantNolint = append(wantNolint, w)
		}
	}
	if strings.Join(got, "\n") != strings.Join(wantNolint, "\n") {
		t.Errorf("with //nolint:nplusone golangci-lint reported:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(wantNolint, "\n  "))
	}
}

// golangci runs the binary in dir and returns "file:line: linter" for
// apilint's linters, files relative to dir.
func golangci(t *testing.T, bin, dir, config string) []string {
	t.Helper()
	cmd := exec.Command(bin, "run", "--config", config, "--path-mode", "abs", "--output.json.path", "stdout", "--output.text.path", "stderr", "./...")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("golangci-lint: %v", err)
		}
		if ee.ExitCode() != 1 {
			t.Fatalf("golangci-lint: %v\n%s", err, ee.Stderr)
		}
	}
	line, _, _ := strings.Cut(string(out), "\n")
	var doc struct {
		Issues []struct {
			FromLinter string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal([]byte(line), &doc); err != nil {
		t.Fatalf("golangci-lint output is not JSON: %v\n%s", err, out)
	}
	realDir, _ := filepath.EvalSymlinks(dir)
	var got []string
	for _, i := range doc.Issues {
		switch i.FromLinter {
		case "nplusone", "notimeout", "unbounded", "blocking":
		default:
			continue
		}
		rel, err := filepath.Rel(realDir, i.Pos.Filename)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel, _ = filepath.Rel(dir, i.Pos.Filename)
		}
		got = append(got, filepath.ToSlash(rel)+":"+strconv.Itoa(i.Pos.Line)+": "+i.FromLinter)
	}
	sort.Strings(got)
	return got
}
