package driver

import (
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/apilint/apilint/internal/findings"
)

// errorLines turns a package error into lines "file:line:col: message",
// file relative to root. The go command reports compile errors as one
// "# pkg" block holding the same errors the type checker reports;
// splitting it lets them dedupe.
func errorLines(goDir, root, pkgPath string, e packages.Error) []string {
	if e.Pos != "" && e.Pos != "-" {
		return []string{relPos(goDir, root, e.Pos) + ": " + e.Msg}
	}
	var out []string
	for _, line := range strings.Split(e.Msg, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		if pos, msg, ok := strings.Cut(line, ": "); ok && strings.Contains(pos, ".go:") {
			out = append(out, relPos(goDir, root, pos)+": "+msg)
			continue
		}
		if pkgPath == "" {
			out = append(out, line)
			continue
		}
		out = append(out, pkgPath+": "+line)
	}
	return out
}

// relPos makes the file of a "file:line:col" position, relative to goDir
// or absolute, relative to root.
func relPos(goDir, root, pos string) string {
	file, rest := pos, ""
	// Split off ":line[:col]" from the right; file names may contain ':'.
	for i := 0; i < 2; i++ {
		j := strings.LastIndexByte(file, ':')
		if j < 0 || !isDigits(file[j+1:]) {
			break
		}
		rest = file[j:] + rest
		file = file[:j]
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(goDir, file)
	}
	return findings.RelPath(root, file) + rest
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
