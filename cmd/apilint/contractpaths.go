package main

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/apilint/apilint/internal/report"
)

// fromRepoRoot returns contract findings as GitHub resolves them, for the
// formats it reads (annotations, SARIF): files relative to the repository
// root rather than to the working directory, so that a spec in svc/
// annotates svc/api/openapi.yaml when apilint runs in svc/ too.
//
// specs are the command's spec arguments. A finding in a spec read from
// git (GITREF:path, the base of a diff) is about what the revision no
// longer has; it is put on the spec's file with no line, as the line is
// the base's and would point at an unrelated line of the revision. The
// root document of such a spec is named as given (path relative to wd,
// or /path from the root); the files it refers to are named REF:path
// from the root already.
func fromRepoRoot(fs []report.Finding, specs []string, wd, root string) []report.Finding {
	prefix := ""
	if rel, err := filepath.Rel(root, wd); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
		prefix = filepath.ToSlash(rel)
	}
	out := make([]report.Finding, len(fs))
	for i, f := range fs {
		out[i] = f
		if f.File == "" || f.File == "<stdin>" {
			continue
		}
		if p, ok := gitSpecPath(f.File, specs, wd); ok {
			if !strings.HasPrefix(p, "/") && isSpecArg(f.File, specs) {
				p = path.Join(prefix, p)
			}
			out[i].File = path.Clean(strings.TrimPrefix(p, "/"))
			out[i].Line, out[i].Column = 0, 0
			continue
		}
		abs := f.File
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(wd, abs)
		}
		if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
			out[i].File = filepath.ToSlash(rel)
		}
	}
	return out
}

// gitSpecPath returns the path of file, a finding's file, when it names a
// file in a git tree (REF:path) rather than a file on disk.
func gitSpecPath(file string, specs []string, wd string) (string, bool) {
	for _, s := range specs {
		ref, _, ok := strings.Cut(s, ":")
		if !ok || ref == "" || exists(s, wd) {
			continue
		}
		if p, ok := strings.CutPrefix(file, ref+":"); ok && !exists(file, wd) {
			return p, true
		}
	}
	return "", false
}

func isSpecArg(file string, specs []string) bool {
	for _, s := range specs {
		if s == file {
			return true
		}
	}
	return false
}

// exists reports whether name is a file on disk, relative to wd.
func exists(name, wd string) bool {
	if !filepath.IsAbs(name) {
		name = filepath.Join(wd, name)
	}
	_, err := os.Stat(name)
	return err == nil
}
