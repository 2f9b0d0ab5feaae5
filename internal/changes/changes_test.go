package changes

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestParse(t *testing.T) {
	const diff = `diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -3,0 +4,2 @@ func f() {
+	x := 1
+	y := 2
@@ -10 +12 @@ func g() {
-	old()
+	new()
@@ -20,2 +22,0 @@
-	gone()
-	gone()
diff --git a/b.go b/b.go
deleted file mode 100644
--- a/b.go
+++ /dev/null
@@ -1,3 +0,0 @@
-package b
`
	l := Parse("/r", diff)
	for line, want := range map[int]bool{3: false, 4: true, 5: true, 6: false, 12: true, 22: false} {
		if got := l.Changed("/r/a.go", line); got != want {
			t.Errorf("a.go:%d changed = %v, want %v", line, got, want)
		}
	}
	if l.Changed("/r/b.go", 1) {
		t.Error("a deleted file has changed lines")
	}
}

func TestSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@e", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@e")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q")
	write("a.go", "package a\n\nfunc f() {}\n")
	run("add", ".")
	run("commit", "-qm", "base")
	write("a.go", "package a\n\nfunc f() {}\n\nfunc g() {}\n")
	write("new.go", "package a\n")
	l, err := Since(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.EvalSymlinks(dir)
	if l.Changed(filepath.Join(root, "a.go"), 3) || !l.Changed(filepath.Join(root, "a.go"), 5) || !l.Changed(filepath.Join(root, "new.go"), 1) {
		t.Errorf("changed lines wrong: %+v", l)
	}
	if _, err := Since(dir, "no-such-rev"); err == nil {
		t.Error("Since accepted an unknown revision")
	}
}
