package rewrite

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// helperEnv names the job file that makes the test binary act as a
// helper process: a second apilint --fix, or one that receives a signal,
// needs a process of its own.
const helperEnv = "APILINT_REWRITE_HELPER_JOB"

func TestMain(m *testing.M) {
	if job := os.Getenv(helperEnv); job != "" {
		os.Exit(runHelper(job))
	}
	os.Exit(m.Run())
}

// job is what a helper process applies.
type job struct {
	Fixes    []Fix
	Snapshot Snapshot
	LockDir  string
	LockWait time.Duration
}

// helperResult is a helper's Result and error, as it prints them.
type helperResult struct {
	Applied   []int
	Skipped   map[int]string
	Written   []string
	Unchanged map[string]string
	Signal    string
	Err       string
}

// runHelper applies the job in path and prints, one line each: "ready"
// before Apply starts, "wrote PATH" as each file is replaced, and
// "result JSON" at the end. Then it does what the package documentation
// asks of a command that Apply reports a signal to: it re-raises it.
func runHelper(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	var j job
	if err := json.Unmarshal(data, &j); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Println("ready")
	res, err := Apply(j.Fixes, j.Snapshot, Options{
		LockDir:  j.LockDir,
		LockWait: j.LockWait,
		OnWrite:  func(p string) { fmt.Println("wrote", p) },
	})
	out := helperResult{Applied: res.Applied, Skipped: res.Skipped, Written: res.Written, Unchanged: res.Unchanged}
	if err != nil {
		out.Err = err.Error()
	}
	if res.Signal != nil {
		out.Signal = signalName(res.Signal)
	}
	line, _ := json.Marshal(out)
	fmt.Printf("result %s\n", line)
	if res.Signal != nil {
		reraise(res.Signal)
	}
	return 0
}

// helper is a running helper process.
type helper struct {
	cmd   *exec.Cmd
	lines *bufio.Scanner
	out   io.ReadCloser
}

// startHelper writes j to a file and starts a helper process on it.
func startHelper(t *testing.T, j job) *helper {
	t.Helper()
	data, err := json.Marshal(j)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.CreateTemp(t.TempDir(), "job-*.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	f.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+f.Name())
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &helper{cmd: cmd, lines: bufio.NewScanner(out), out: out}
	h.lines.Buffer(nil, 16<<20)
	return h
}

// next returns the helper's next line, or "" at the end of its output.
func (h *helper) next() string {
	if h.lines.Scan() {
		return h.lines.Text()
	}
	return ""
}

// finish reads the rest of the helper's output and waits for it to exit.
// It returns the files the helper reported writing, its result if it
// printed one, and how it exited.
func (h *helper) finish(t *testing.T, wrote []string) ([]string, *helperResult, error) {
	t.Helper()
	var res *helperResult
	for line := h.next(); line != ""; line = h.next() {
		if p, ok := strings.CutPrefix(line, "wrote "); ok {
			wrote = append(wrote, p)
		} else if js, ok := strings.CutPrefix(line, "result "); ok {
			res = new(helperResult)
			if err := json.Unmarshal([]byte(js), res); err != nil {
				t.Fatalf("helper printed %q: %v", line, err)
			}
		} else if line != "ready" {
			t.Errorf("helper printed %q", line)
		}
	}
	if err := h.lines.Err(); err != nil {
		t.Fatal(err)
	}
	return wrote, res, h.cmd.Wait()
}

// jobFiles writes n small Go files in three directories under dir and
// returns fixes (one per file, ID i for file i) with the snapshot, and
// each file's text before and after its fix.
func jobFiles(t testing.TB, dir string, n int) (fixes []Fix, snap Snapshot, paths, before, after []string) {
	files := make(map[string]string, n)
	for i := range n {
		name := filepath.Join(fmt.Sprintf("d%d", i%3), fmt.Sprintf("f%04d.go", i))
		old := fmt.Sprintf("package d\n\nvar v%d = %s\n", i, strings.Repeat("1", 1+i%7))
		files[name] = old
		p := filepath.Join(dir, name)
		fixes = append(fixes, Fix{ID: i, Edits: []Edit{ed(p, len(old)-2, len(old)-1, "2 // fixed")}})
		paths = append(paths, p)
		before = append(before, old)
		after = append(after, old[:len(old)-2]+"2 // fixed\n")
	}
	return fixes, writeTree(t, dir, files), paths, before, after
}
