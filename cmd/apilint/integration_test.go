package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/example"
)

// exampleDir is the example service the README's quick start analyzes.
var exampleDir = example.Dir()

// buildBinary builds the apilint command into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and runs go vet; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "apilint")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// expected reads testdata/example/expected.txt: "file:line: rule" lines.
func expected(t *testing.T) []string {
	t.Helper()
	want, err := example.Expected()
	if err != nil {
		t.Fatal(err)
	}
	return want
}

func exitStatus(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// TestExampleStandalone runs the apilint binary on the example service,
// as the README's quick start does.
func TestExampleStandalone(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "--format", "json", "./...")
	cmd.Dir = exampleDir
	out, err := cmd.Output()
	if code := exitStatus(err); code != 1 {
		t.Fatalf("exit %d, want 1 (findings); %v", code, err)
	}
	var doc struct {
		Findings []struct {
			Rule, File, Message string
			Line                int
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	var got []string
	for _, f := range doc.Findings {
		// Paths are relative to the repository root.
		got = append(got, strings.TrimPrefix(f.File, "testdata/example/")+":"+strconv.Itoa(f.Line)+": "+f.Rule)
	}
	sort.Strings(got)
	assertSame(t, "apilint --format json", got, expected(t))
}

// vetLine is what go vet prints per diagnostic: "file:line:col: message".
var vetLine = regexp.MustCompile(`^([^\s:]+\.go):(\d+):\d+: (.*)$`)

// TestExampleVetTags runs go vet with a build flag in its two-word form,
// which go vet forwards to the tool as typed (apilint lists -tags among
// its flags, as every unitchecker does): it must still analyse.
func TestExampleVetTags(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command("go", "vet", "-tags", "apilinttest", "-vettool="+bin, "./...")
	cmd.Dir = exampleDir
	out, err := cmd.CombinedOutput()
	if code := exitStatus(err); code != 1 || !strings.Contains(string(out), "http.ListenAndServe serves") {
		t.Fatalf("go vet -tags apilinttest: exit %d, want 1 with findings\n%s", code, out)
	}
}

// TestExampleVet runs go vet -vettool=apilint on the example service and
// checks it reports the same findings, rule by rule, as the standalone
// command.
func TestExampleVet(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command("go", "vet", "-vettool="+bin, "./...")
	cmd.Dir = exampleDir
	out, err := cmd.CombinedOutput()
	if code := exitStatus(err); code != 1 {
		t.Fatalf("go vet exit %d, want 1 (findings)\n%s", code, out)
	}
	rules := map[string]string{} // message → rule, from the standalone run
	js := exec.Command(bin, "--format", "json", "./...")
	js.Dir = exampleDir
	jsOut, _ := js.Output()
	var doc struct {
		Findings []struct{ Rule, Message string }
	}
	if err := json.Unmarshal(jsOut, &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Findings {
		rules[f.Message] = f.Rule
	}
	var got []string
	for _, line := range strings.Split(string(out), "\n") {
		m := vetLine.FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(m[3], "\t") {
			continue // related information (the chain) is indented
		}
		rule, ok := rules[m[3]]
		if !ok {
			t.Errorf("go vet reported a message the apilint command did not: %s", line)
			continue
		}
		got = append(got, m[1]+":"+m[2]+": "+rule)
	}
	sort.Strings(got)
	assertSame(t, "go vet -vettool", got, expected(t))
}

func assertSame(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s reported:\n  %s\nwant (testdata/example/expected.txt):\n  %s",
			what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestVetConfig checks that go vet -vettool=apilint applies .apilint.yml,
// found from the package directory upward or named by -effects.config.
func TestVetConfig(t *testing.T) {
	bin := buildBinary(t)
	dir := module(t, map[string]string{
		"db/db.go": "package db\n\nimport \"database/sql\"\n\nfunc Purge(db *sql.DB) { db.Exec(\"DELETE FROM t\") }\n",
	})
	vet := func(args ...string) string {
		cmd := exec.Command("go", append([]string{"vet", "-vettool=" + bin}, append(args, "./...")...)...)
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	if out := vet(); strings.Contains(out, "takes no context") {
		t.Fatalf("without configuration the note is hidden, got:\n%s", out)
	}
	other := filepath.Join(t.TempDir(), "other.yml")
	if err := os.WriteFile(other, []byte("analyzers:\n  notimeout:\n    all: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := vet("-effects.config=" + other); !strings.Contains(out, "db/db.go:5:26: note: (*sql.DB).Exec takes no context") {
		t.Errorf("-effects.config not applied:\n%s", out)
	}
	if err := os.WriteFile(filepath.Join(dir, ".apilint.yml"), []byte("analyzers:\n  notimeout:\n    all: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := vet(); !strings.Contains(out, "(*sql.DB).Exec takes no context") {
		t.Errorf(".apilint.yml in the module not applied:\n%s", out)
	}
	if out := vet("-notimeout.all=false"); strings.Contains(out, "takes no context") {
		t.Errorf("a command-line flag must beat the file:\n%s", out)
	}
	if err := os.WriteFile(filepath.Join(dir, ".apilint.yml"), []byte("analyzers:\n  notimeout:\n    al: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := vet(); !strings.Contains(out, `.apilint.yml:3: analyzers.notimeout: unknown setting "al"`) {
		t.Errorf("a bad file must be reported with its line:\n%s", out)
	}
}

// go vet caches each package's results under the tool's version; the
// version covers every configuration the tool reads, so editing one
// re-runs the analysis without clearing the cache: a package directory's
// own .apilint.yml, and a file named with -effects.config.
func TestVetCacheFollowsConfig(t *testing.T) {
	bin := buildBinary(t)
	dir := module(t, map[string]string{
		"db/db.go": "package db\n\nimport \"database/sql\"\n\nfunc Purge(db *sql.DB) { db.Exec(\"DELETE FROM t\") }\n",
	})
	vet := func(args ...string) string {
		cmd := exec.Command("go", append([]string{"vet", "-vettool=" + bin}, append(args, "./...")...)...)
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	write := func(path, content string) {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const on, off = "analyzers:\n  notimeout:\n    all: true\n", "analyzers:\n  notimeout:\n    all: false\n"
	if out := vet(); strings.Contains(out, "takes no context") {
		t.Fatalf("without configuration: %s", out)
	}
	pkgCfg := filepath.Join(dir, "db", ".apilint.yml")
	write(pkgCfg, on)
	if out := vet(); !strings.Contains(out, "takes no context") {
		t.Errorf("the package's .apilint.yml turned the note on, go vet replayed the cache:\n%s", out)
	}
	write(pkgCfg, off)
	if out := vet(); strings.Contains(out, "takes no context") {
		t.Errorf("the package's .apilint.yml turned the note off, go vet replayed the cache:\n%s", out)
	}
	os.Remove(pkgCfg)
	other := filepath.Join(t.TempDir(), "other.yml")
	write(other, on)
	if out := vet("-effects.config=" + other); !strings.Contains(out, "takes no context") {
		t.Errorf("-effects.config turned the note on:\n%s", out)
	}
	write(other, off)
	if out := vet("-effects.config=" + other); strings.Contains(out, "takes no context") {
		t.Errorf("-effects.config's file turned the note off, go vet replayed the cache:\n%s", out)
	}
}
