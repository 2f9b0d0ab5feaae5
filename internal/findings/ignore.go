package findings

import (
	"go/ast"
	"go/token"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/report"
)

// IgnorePrefix starts a suppression comment:
//
//	//apilint:ignore nplusone the list is capped at 3 by the schema
//
// on the line of a finding or the line above suppresses the findings of
// the named rules (comma-separated) on that line. The reason is required.
const IgnorePrefix = "//apilint:ignore"

// Directive is one suppression comment.
type Directive struct {
	Pos    token.Pos
	Line   int    // the comment's line
	File   string // the comment's file
	Rules  []string
	Reason string
	// OwnLine is set when the comment is alone on its line: it covers the
	// next line.
	OwnLine bool
	used    bool
}

// covers reports whether d suppresses rule at line.
func (d *Directive) covers(rule string, line int) bool {
	if line != d.Line && !(d.OwnLine && line == d.Line+1) {
		return false
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

// Directives parses the suppression comments of file.
func Directives(fset *token.FileSet, file *ast.File) []*Directive {
	var out []*Directive
	tf := fset.File(file.FileStart)
	for _, group := range file.Comments {
		for _, c := range group.List {
			rest, ok := strings.CutPrefix(c.Text, IgnorePrefix)
			if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			rest, _, _ = strings.Cut(rest, "//") // a comment after the reason
			fields := strings.Fields(rest)
			d := &Directive{Pos: c.Pos(), Line: tf.Line(c.Pos()), File: tf.Name()}
			if len(fields) > 0 {
				for _, r := range strings.Split(fields[0], ",") {
					if r = strings.TrimSpace(r); r != "" {
						d.Rules = append(d.Rules, r)
					}
				}
				d.Reason = strings.Join(fields[1:], " ")
			}
			d.OwnLine = ownLine(fset, file, c)
			out = append(out, d)
		}
	}
	return out
}

// ownLine reports whether nothing but the comment is on its line.
func ownLine(fset *token.FileSet, file *ast.File, c *ast.Comment) bool {
	line := fset.Position(c.Pos()).Line
	alone := true
	ast.Inspect(file, func(n ast.Node) bool {
		if !alone || n == nil {
			return false
		}
		switch n.(type) {
		case *ast.File, *ast.CommentGroup, *ast.Comment:
			return true
		}
		start, end := fset.Position(n.Pos()).Line, fset.Position(n.End()).Line
		if start == line || end == line {
			// A node on the line, unless it only contains the line
			// (a block around the comment).
			if start == line && n.Pos() < c.Pos() || end == line && n.End() <= c.Pos() {
				alone = false
				return false
			}
		}
		return start <= line && line <= end
	})
	return alone
}

// ignores holds the directives of the passes running now, by pass.
var ignores sync.Map // *analysis.Pass → []*Directive

// suppressed reports whether a directive covers a finding of pass's
// analyzer at pos, and marks it used.
func suppressed(pass *analysis.Pass, pos token.Pos) (*Directive, bool) {
	v, ok := ignores.Load(pass)
	if !ok {
		return nil, false
	}
	line := pass.Fset.Position(pos).Line
	file := pass.Fset.Position(pos).Filename
	for _, d := range v.([]*Directive) {
		if d.File == file && d.covers(pass.Analyzer.Name, line) {
			d.used = true
			return d, true
		}
	}
	return nil, false
}

// WithDirectives wraps an analyzer's run function so that its findings
// honour //apilint:ignore comments: a covered finding is dropped, a
// directive without a reason is reported in its place (level warning),
// and a directive naming the analyzer that suppresses nothing is reported
// at level note.
func WithDirectives(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		var dirs []*Directive
		for _, f := range pass.Files {
			for _, d := range Directives(pass.Fset, f) {
				for _, r := range d.Rules {
					if r == pass.Analyzer.Name {
						dirs = append(dirs, d)
						break
					}
				}
			}
		}
		if len(dirs) == 0 {
			return run(pass)
		}
		ignores.Store(pass, dirs)
		defer ignores.Delete(pass)
		res, err := run(pass)
		for _, d := range dirs {
			switch {
			case d.used && d.Reason == "":
				pass.Report(analysis.Diagnostic{
					Pos: d.Pos,
					Message: "//apilint:ignore " + pass.Analyzer.Name + " needs a reason: say why this finding does not apply, " +
						"so that the next reader can tell a decision from a shortcut",
					Category: string(report.Warning),
				})
			case !d.used:
				pass.Report(analysis.Diagnostic{
					Pos:      d.Pos,
					Message:  "//apilint:ignore " + pass.Analyzer.Name + " suppresses nothing: remove it",
					Category: string(report.Note),
				})
			}
		}
		return res, err
	}
}
