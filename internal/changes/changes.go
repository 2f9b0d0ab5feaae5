// Package changes finds the lines a change touched, from git, so that a
// CI gate can report only findings on changed lines (--new-from-rev).
package changes

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Lines holds, per file (absolute path), the changed line numbers of the
// new version. A file absent from the repository at the revision is
// changed throughout (All).
type Lines struct {
	files map[string]map[int]bool
	all   map[string]bool
}

// Since returns the lines changed in the work tree of the repository
// holding dir since rev (committed, staged, unstaged and untracked).
func Since(dir, rev string) (*Lines, error) {
	root, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root = strings.TrimSpace(root)
	if _, err := git(root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--new-from-rev %s: not a commit in %s", rev, root)
	}
	diff, err := git(root, "diff", "--no-color", "--no-ext-diff", "-U0", "--relative", rev, "--")
	if err != nil {
		return nil, err
	}
	l := Parse(root, diff)
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	for _, f := range strings.Split(strings.TrimSpace(untracked), "\n") {
		if f != "" {
			l.all[filepath.Join(root, f)] = true
		}
	}
	return l, nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// Parse reads a unified diff with no context (git diff -U0) whose paths
// are relative to root.
func Parse(root, diff string) *Lines {
	l := &Lines{files: make(map[string]map[int]bool), all: make(map[string]bool)}
	var file string
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				file = ""
				continue
			}
			file = filepath.Join(root, strings.TrimPrefix(name, "b/"))
		case strings.HasPrefix(line, "@@ ") && file != "":
			start, count, ok := newRange(line)
			if !ok {
				continue
			}
			set := l.files[file]
			if set == nil {
				set = make(map[int]bool)
				l.files[file] = set
			}
			for i := start; i < start+count; i++ {
				set[i] = true
			}
		}
	}
	return l
}

// newRange reads the new side "+start,count" of a hunk header.
func newRange(header string) (start, count int, ok bool) {
	fields := strings.Fields(header)
	for _, f := range fields {
		if !strings.HasPrefix(f, "+") {
			continue
		}
		s, c, hasCount := strings.Cut(f[1:], ",")
		start, err := strconv.Atoi(s)
		if err != nil {
			return 0, 0, false
		}
		count = 1
		if hasCount {
			if count, err = strconv.Atoi(c); err != nil {
				return 0, 0, false
			}
		}
		return start, count, true
	}
	return 0, 0, false
}

// Changed reports whether line of file (absolute) changed.
func (l *Lines) Changed(file string, line int) bool {
	if l.all[file] {
		return true
	}
	return l.files[file][line]
}

// MergeBase returns the commit where the work tree's HEAD and rev
// diverged: the base a pull request's changes are measured from, whatever
// landed on rev since (--new-from-merge-base).
func MergeBase(dir, rev string) (string, error) {
	out, err := git(dir, "merge-base", rev, "HEAD")
	if err != nil {
		return "", fmt.Errorf("--new-from-merge-base %s: no common ancestor with HEAD (fetch more history: git fetch --unshallow, or fetch-depth: 0): %w", rev, err)
	}
	return strings.TrimSpace(out), nil
}
