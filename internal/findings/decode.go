package findings

import (
	"bytes"
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/report"
	"github.com/apilint/apilint/internal/source"
)

// Package is what Decode needs to know about the package a diagnostic
// was reported on.
type Package struct {
	Fset  *token.FileSet
	Files []*ast.File
	// Root is the directory finding paths are relative to: the
	// repository root, or the module root outside a repository. The same
	// finding then has the same path, and fingerprint, whatever the
	// working directory.
	Root string
	// Content returns a file's text as it was analysed; nil when unknown.
	Content func(filename string) []byte
}

// Decode turns a diagnostic of rule, as Encode made it, into the finding
// every output renders: position, level, chain, enclosing function, the
// source line, the suggested fix and the fingerprint are all set here.
func Decode(rule string, p Package, d analysis.Diagnostic) report.Finding {
	pos := p.Fset.Position(d.Pos)
	level, chain := decodeDiagnostic(d)
	f := report.Finding{
		Rule:    rule,
		Level:   level,
		Message: d.Message,
		File:    RelPath(p.Root, pos.Filename),
		Line:    pos.Line,
		Column:  pos.Column,
		Chain:   chain,
	}
	for _, file := range p.Files {
		if file.FileStart <= d.Pos && d.Pos <= file.FileEnd {
			f.Function = enclosingFunc(file, d.Pos)
			break
		}
	}
	if p.Content != nil {
		f.Snippet = line(p.Content(pos.Filename), pos.Line)
	}
	f.SetFingerprint()
	if len(d.SuggestedFixes) > 0 {
		f.Fix = fixOf(p.Fset, d.SuggestedFixes[0])
	}
	return f
}

// fixOf converts a suggested fix to byte offsets; nil when an edit lies
// outside the files apilint read.
func fixOf(fset *token.FileSet, sf analysis.SuggestedFix) *report.Fix {
	fix := &report.Fix{Message: sf.Message}
	for _, e := range sf.TextEdits {
		tf := fset.File(e.Pos)
		if tf == nil {
			return nil
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		fix.Edits = append(fix.Edits, report.Edit{File: tf.Name(), Start: tf.Offset(e.Pos), End: tf.Offset(end), New: string(e.NewText)})
	}
	return fix
}

// enclosingFunc names the top-level function declaration containing pos.
func enclosingFunc(file *ast.File, pos token.Pos) string {
	for _, decl := range file.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos <= fd.End() {
			return source.FuncName(fd)
		}
	}
	return ""
}

// line returns line n (1-based) of text, or "".
func line(text []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(text, '\n')
		if j < 0 {
			return ""
		}
		text = text[j+1:]
	}
	if n < 1 || len(text) == 0 {
		return ""
	}
	if j := bytes.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return string(text)
}

// RelPath returns file relative to root when it is inside it, with
// forward slashes; otherwise file unchanged.
// Symbolic links in either are resolved when the plain paths do not
// relate (a temporary directory behind /tmp on macOS).
func RelPath(root, file string) string {
	if root == "" || file == "" {
		return file
	}
	if rel, ok := within(root, file); ok {
		return rel
	}
	r, err1 := filepath.EvalSymlinks(root)
	f, err2 := filepath.EvalSymlinks(file)
	if err1 == nil && err2 == nil {
		if rel, ok := within(r, f); ok {
			return rel
		}
	}
	return file
}

func within(root, file string) (string, bool) {
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
