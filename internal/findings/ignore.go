package findings

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

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

// Reporter reports one pass's findings. Start it at the top of the
// analyzer's run and Finish it at the end:
//
//	rep := findings.Start(pass, opts)
//	... rep.Report(f) ...
//	return nil, rep.Finish()
//
// A finding on a line a directive covers is dropped; at Finish, a
// directive naming the analyzer that suppressed nothing is reported at
// level note, and one that suppressed a finding without a reason at level
// warning.
type Reporter struct {
	pass *analysis.Pass
	opts *Options
	dirs []*Directive
}

// Start reads pass's directives for its analyzer.
func Start(pass *analysis.Pass, opts *Options) *Reporter {
	r := &Reporter{pass: pass, opts: opts}
	for _, f := range pass.Files {
		for _, d := range Directives(pass.Fset, f) {
			for _, rule := range d.Rules {
				if rule == pass.Analyzer.Name {
					r.dirs = append(r.dirs, d)
					break
				}
			}
		}
	}
	return r
}

// Pass returns the pass findings are reported on.
func (r *Reporter) Pass() *analysis.Pass { return r.pass }

// Report reports f unless a directive covers it, it is in a test helper
// (inTestHelper), or its package shows it cannot run (unreachable).
func (r *Reporter) Report(f Finding) {
	if r.suppressed(f.Pos) || inTestHelper(r.pass, f.Pos) || unreachable(r.pass, f.Pos) {
		return
	}
	r.pass.Report(r.opts.Encode(r.pass.Analyzer.Name, f))
}

// suppressed reports whether a directive covers a finding at pos, and
// marks it used.
func (r *Reporter) suppressed(pos token.Pos) bool {
	if len(r.dirs) == 0 {
		return false
	}
	p := r.pass.Fset.Position(pos)
	for _, d := range r.dirs {
		if d.File == p.Filename && d.covers(r.pass.Analyzer.Name, p.Line) {
			d.used = true
			return true
		}
	}
	return false
}

// Finish reports the directives that need attention. It returns nil, so
// that a run can end with return nil, rep.Finish().
func (r *Reporter) Finish() error {
	name := r.pass.Analyzer.Name
	for _, d := range r.dirs {
		switch {
		case d.used && d.Reason == "":
			r.pass.Report(r.opts.encode(name, false, Finding{Pos: d.Pos, Level: report.Warning,
				Message: IgnorePrefix[2:] + " " + name + " needs a reason: say why this finding does not apply, " +
					"so that the next reader can tell a decision from a shortcut"}))
		case !d.used:
			r.pass.Report(r.opts.encode(name, false, Finding{Pos: d.Pos, Level: report.Note,
				Message: IgnorePrefix[2:] + " " + name + " suppresses nothing: remove it"}))
		}
	}
	return nil
}

// DirectiveRule is the rule name of findings about directives that name
// no rule.
const DirectiveRule = "apilint"

// NewDirectiveCheck returns the analyzer that reports //apilint:ignore
// directives naming no rule of known: a typo would otherwise silently
// suppress nothing. Every driver runs it beside the rules.
func NewDirectiveCheck(known []string, opts *Options) *analysis.Analyzer {
	isKnown := make(map[string]bool, len(known))
	for _, r := range known {
		isKnown[r] = true
	}
	list := strings.Join(known, ", ")
	return &analysis.Analyzer{
		Name: DirectiveRule,
		Doc:  "apilint: report //apilint:ignore directives that name no rule",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				for _, d := range Directives(pass.Fset, f) {
					for _, r := range d.Rules {
						if !isKnown[r] {
							pass.Report(opts.encode(DirectiveRule, true, Finding{Pos: d.Pos, Level: report.Note,
								Message: fmt.Sprintf("%s names no rule %q (rules: %s)", IgnorePrefix, r, list)}))
						}
					}
				}
			}
			return nil, nil
		},
	}
}
