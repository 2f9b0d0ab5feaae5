package main

import (
	"bytes"

	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apilint/apilint/analyzers"
)

func TestVetMode(t *testing.T) {
	dir := t.TempDir()
	vetCfg := filepath.Join(dir, "vet.cfg")
	if err := os.WriteFile(vetCfg, []byte(`{"ID": "x", "ImportPath": "x", "GoFiles": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "my.cfg")
	if err := os.WriteFile(mine, []byte("analyzers:\n  nplusone:\n    writes: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"-V=full"}, vetVersionQuery},
		{[]string{"-flags"}, vetFlagsQuery},
		{[]string{"-notimeout.all", "-json", vetCfg}, vetPackage},
		{[]string{vetCfg}, vetPackage},
		{[]string{"-tags", "test", "-json", vetCfg}, vetPackage}, // go vet -tags test forwards both words
		{[]string{"-json", "-tags=test", vetCfg}, vetPackage},
		{[]string{"./...", vetCfg}, notVet},
		{[]string{"./..."}, notVet},
		{[]string{"--format", "json", "./..."}, notVet},
		{[]string{"explain", "notimeout"}, notVet},
		{[]string{"--config", mine, "./..."}, notVet},
		{[]string{"--config", mine}, notVet},
		{[]string{"--config", vetCfg}, notVet},
		{[]string{"--write-baseline", filepath.Join(dir, "base.cfg")}, notVet},
		{[]string{"-V=full", "./..."}, notVet},
		{[]string{mine}, notVet}, // YAML, not go vet's JSON
		{nil, notVet},
	}
	for _, tc := range tests {
		if got := vetMode(tc.args); got != tc.want {
			t.Errorf("vetMode(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// run runs the apilint command in dir and returns its exit code and output.
func runCmd(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	wd, _ := os.Getwd()
	if dir != "" {
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
	}
	root := newRoot(analyzers.All(), &stdout, &stderr)
	root.SetArgs(args)
	code := exitFor(root.Execute(), &stderr)
	return code, stdout.String(), stderr.String()
}

func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, content := range files {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExitCodes(t *testing.T) {
	clean := module(t, map[string]string{"a/a.go": "package a\n\nfunc A() int { return 1 }\n"})
	dirty := module(t, map[string]string{"a/a.go": "package a\n\nimport \"net/http\"\n\nfunc A() { http.Get(\"http://x\") }\n"})
	broken := module(t, map[string]string{
		"a/a.go": "package a\n\nimport \"net/http\"\n\nfunc A() { http.Get(\"http://x\") }\n",
		"b/b.go": "package b\n\nfunc B() { undefined() }\n",
	})
	outside := t.TempDir() // no go.mod here or above
	if real, err := filepath.EvalSymlinks(outside); err == nil {
		outside = real
	}
	withConfig := func(cfg string) string {
		return module(t, map[string]string{
			"a/a.go":       "package a\n\nimport \"net/http\"\n\nfunc A() { http.Get(\"http://x\") }\n",
			".apilint.yml": cfg,
		})
	}
	tests := []struct {
		name     string
		dir      string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"clean", clean, nil, 0, "", "0 findings"},
		{"findings", dirty, nil, 1, "a/a.go:5:12: notimeout: http.Get", "apilint: 1 package, 1 finding (1 error, 0 warnings, 0 notes)\n"},
		{"pattern that names no package", dirty, []string{"./a", "./nosuch"}, 2, "a/a.go:5:12: notimeout", "apilint: 1 package, 1 finding"},
		{"outside a module", outside, nil, 2, "", "apilint: " + outside + " is not inside a Go module (no go.mod here or above): run apilint in a module, or name one with -C DIR\n"},
		{"disable everything", dirty, []string{"--disable", strings.Join(analyzerNames(), ",")}, 2, "", "no analyzer"},
		{"json", dirty, []string{"--format", "json"}, 1, `"rule": "notimeout"`, ""},
		{"github", dirty, []string{"--format", "github"}, 1, "::error file=a/a.go,line=5,col=12,title=apilint notimeout::", ""},
		{"sarif", dirty, []string{"--format", "sarif"}, 1, `"ruleId": "notimeout"`, ""},
		{"sarif clean", clean, []string{"--format", "sarif"}, 0, `"results": []`, ""},
		{"does not type-check", broken, nil, 2, "a/a.go:5:12: notimeout", "b/b.go:3:12: undefined: undefined"},
		{"unknown flag", clean, []string{"--nope"}, 2, "", "unknown flag"},
		{"unknown format", clean, []string{"--format", "xml"}, 2, "", "--format"},
		{"unknown analyzer", clean, []string{"--enable", "nope"}, 2, "", `unknown analyzer "nope"`},
		{"bad fail-on", clean, []string{"--fail-on", "fatal"}, 2, "", "--fail-on"},
		{"explain", clean, []string{"explain", "notimeout"}, 0, "notimeout: report HTTP and database calls", ""},
		{"explain unknown", clean, []string{"explain", "nope"}, 2, "", `no rule "nope"`},
		{"version", clean, []string{"version"}, 0, "apilint ", ""},
		{"dir flag", "", []string{"-C", dirty}, 1, "notimeout: http.Get", ""},
		{"config disables", withConfig("analyzers:\n  notimeout:\n    enabled: false\n"), nil, 0, "", "0 findings"},
		{"config relevels", withConfig("analyzers:\n  notimeout:\n    level: warning\n"), nil, 0, "notimeout (warning): http.Get", ""},
		{"config fail-on", withConfig("fail-on: warning\nanalyzers:\n  notimeout:\n    level: warning\n"), nil, 1, "notimeout (warning)", ""},
		{"flag beats config", withConfig("fail-on: warning\nanalyzers:\n  notimeout:\n    level: warning\n"), []string{"--fail-on", "error"}, 0, "", ""},
		{"config unknown key", withConfig("fail_on: error\n"), nil, 2, "", `.apilint.yml:1: unknown key "fail_on" (did you mean "fail-on"?)`},
		{"config unknown analyzer", withConfig("analyzers:\n  nope:\n    x: 1\n"), nil, 2, "", `.apilint.yml:3: analyzers: unknown analyzer "nope"`},
		{"config unknown setting", withConfig("analyzers:\n  nplusone:\n    reads: false\n"), nil, 2, "", `.apilint.yml:3: analyzers.nplusone: unknown setting "reads"`},
		{"config bad setting", withConfig("analyzers:\n  nplusone:\n    writes: maybe\n"), nil, 2, "", `.apilint.yml:3: analyzers.nplusone.writes: "maybe": want true or false`},
		{"config flag", "", []string{"--config", "/nonexistent/.apilint.yml", "-C", dirty}, 2, "", "reading configuration"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tc.dir, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tc.inStdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.inStdout, stdout)
			}
			if tc.name == "outside a module" && stderr != tc.inStderr {
				t.Errorf("stderr is not one line: %q", stderr)
			}
			if !strings.Contains(stderr, tc.inStderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.inStderr, stderr)
			}
		})
	}
}

func analyzerNames() []string {
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	return names
}
