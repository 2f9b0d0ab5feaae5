// Package driver runs apilint's analyzers over packages loaded with
// go/packages, the way the apilint command does outside go vet, and turns
// their diagnostics into report.Findings.
//
// The packages named on the command line, and every package of the main
// modules they belong to, are loaded from source and analyzed together, so
// that facts flow between them and a call through an interface can be
// resolved to the implementations the program contains. Dependencies
// outside the main modules are loaded from export data, as the compiler
// does: apilint recognises their APIs by type, and does not analyze their
// bodies.
package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/report"
	"github.com/apilint/apilint/internal/source"
)

// Options says what to analyze and how.
type Options struct {
	// Dir is the directory patterns are resolved in; "" means the
	// current directory.
	Dir string
	// RelTo is the directory file names in findings and errors are
	// relative to; "" means the current directory.
	RelTo string
	// Patterns are go list patterns; none means "./...".
	Patterns []string
	// Analyzers are the analyzers whose findings are reported.
	Analyzers []*analysis.Analyzer
	// Env is the go command's environment; nil means os.Environ().
	Env []string
	// BuildFlags are passed to the go command (-tags=...).
	BuildFlags []string
	// KnownRules are the rule names //apilint:ignore may name; a
	// directive naming another is reported (level note). nil skips the
	// check.
	KnownRules []string
}

// Result is what a run found.
type Result struct {
	Findings []report.Finding
	// Errors are packages that did not load or type-check, and analyses
	// that failed, each one line naming the file and line where known.
	Errors []string
	// Packages is the number of packages analyzed and reported on.
	Packages int
}

const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// Run loads the packages and runs the analyzers on them.
func Run(opts Options) (*Result, error) {
	if len(opts.Patterns) == 0 {
		opts.Patterns = []string{"./..."}
	}
	dir := opts.Dir
	relTo := opts.RelTo
	if relTo == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		relTo = wd
	}
	cfg := &packages.Config{Dir: dir, Env: opts.Env, BuildFlags: opts.BuildFlags}

	// First the packages asked for, cheaply, to learn their modules.
	cfg.Mode = packages.NeedName | packages.NeedModule
	asked, err := packages.Load(cfg, opts.Patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", strings.Join(opts.Patterns, " "), err)
	}
	wantPkg := make(map[string]bool)
	patterns := append([]string(nil), opts.Patterns...)
	modules := make(map[string]bool)
	for _, p := range asked {
		wantPkg[p.ID] = true
		if p.Module != nil && p.Module.Main && !modules[p.Module.Path] {
			modules[p.Module.Path] = true
			patterns = append(patterns, p.Module.Path+"/...")
		}
	}
	if len(wantPkg) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(opts.Patterns, " "))
	}

	cfg.Mode = loadMode
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", strings.Join(opts.Patterns, " "), err)
	}
	res := &Result{}
	broken := make(map[*packages.Package]bool)
	seenErr := make(map[string]bool)
	goDir := dir
	if goDir == "" {
		goDir = relTo
	} else if !filepath.IsAbs(goDir) {
		goDir = filepath.Join(relTo, goDir)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			broken[p] = true
			for _, msg := range errorLines(goDir, relTo, p.PkgPath, e) {
				if !seenErr[msg] {
					seenErr[msg] = true
					res.Errors = append(res.Errors, msg)
				}
			}
		}
	})

	if requires(opts.Analyzers, effects.Analyzer) {
		if err := wholeProgram(pkgs); err != nil {
			return nil, err
		}
		defer effects.SetProgram(nil)
	}
	graph, err := checker.Analyze(opts.Analyzers, pkgs, nil)
	if err != nil {
		return nil, err
	}
	wanted := make(map[*analysis.Analyzer]bool)
	for _, a := range opts.Analyzers {
		wanted[a] = true
	}
	counted := make(map[*packages.Package]bool)
	for _, act := range graph.Roots {
		if !wantPkg[act.Package.ID] || !wanted[act.Analyzer] {
			continue
		}
		if !counted[act.Package] {
			counted[act.Package] = true
			res.Packages++
		}
		if act.Err != nil {
			if !broken[act.Package] { // its load errors already say why
				res.Errors = append(res.Errors, fmt.Sprintf("%s: %s: %v", act.Package.PkgPath, act.Analyzer.Name, act.Err))
			}
			continue
		}
		for _, d := range act.Diagnostics {
			res.Findings = append(res.Findings, finding(relTo, act, d))
		}
	}
	if opts.KnownRules != nil {
		res.Findings = append(res.Findings, unknownRules(relTo, pkgs, wantPkg, opts.KnownRules)...)
	}
	report.Sort(res.Findings)
	sort.Strings(res.Errors)
	return res, nil
}

// unknownRules reports //apilint:ignore directives that name no rule:
// a typo would otherwise silently suppress nothing.
func unknownRules(relTo string, pkgs []*packages.Package, want map[string]bool, known []string) []report.Finding {
	isKnown := make(map[string]bool)
	for _, r := range known {
		isKnown[r] = true
	}
	var out []report.Finding
	for _, p := range pkgs {
		if !want[p.ID] {
			continue
		}
		for _, file := range p.Syntax {
			for _, d := range findings.Directives(p.Fset, file) {
				for _, r := range d.Rules {
					if isKnown[r] {
						continue
					}
					pos := p.Fset.Position(d.Pos)
					f := report.Finding{
						Rule:    "apilint",
						Level:   report.Note,
						Message: fmt.Sprintf("//apilint:ignore names no rule %q (rules: %s)", r, strings.Join(known, ", ")),
						File:    relPath(relTo, pos.Filename),
						Line:    pos.Line,
						Column:  pos.Column,
					}
					f.SetFingerprint()
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// maxRounds bounds the rounds of whole-program effect analysis: one per
// level of interfaces between a caller and the database, in practice two
// or three.
const maxRounds = 5

// wholeProgram runs the effects analysis over every loaded package until
// the summaries stop changing, so that the final analysis resolves calls
// through interfaces to implementations in packages the caller does not
// import (go vet cannot: it sees only dependencies).
func wholeProgram(pkgs []*packages.Package) error {
	var tpkgs []*types.Package
	for _, p := range pkgs {
		if p.Types != nil {
			tpkgs = append(tpkgs, p.Types)
		}
	}
	prog := effects.NewProgram(tpkgs, nil)
	for round := 0; round < maxRounds; round++ {
		effects.SetProgram(prog)
		graph, err := checker.Analyze([]*analysis.Analyzer{effects.Analyzer}, pkgs, nil)
		if err != nil {
			return err
		}
		var results []*effects.Result
		for _, act := range graph.Roots {
			if r, ok := act.Result.(*effects.Result); ok {
				results = append(results, r)
			}
		}
		next := effects.NewProgram(tpkgs, results)
		if next.Equal(prog) {
			break
		}
		prog = next
	}
	effects.SetProgram(prog)
	return nil
}

// requires reports whether one of as is or requires target.
func requires(as []*analysis.Analyzer, target *analysis.Analyzer) bool {
	for _, a := range as {
		if a == target || requires(a.Requires, target) {
			return true
		}
	}
	return false
}

// finding converts one diagnostic.
func finding(dir string, act *checker.Action, d analysis.Diagnostic) report.Finding {
	pos := act.Package.Fset.Position(d.Pos)
	level, chain := findings.Decode(d)
	f := report.Finding{
		Rule:    act.Analyzer.Name,
		Level:   level,
		Message: d.Message,
		File:    relPath(dir, pos.Filename),
		Line:    pos.Line,
		Column:  pos.Column,
		Chain:   chain,
	}
	for _, file := range act.Package.Syntax {
		if file.FileStart <= d.Pos && d.Pos <= file.FileEnd {
			f.Function = enclosingFunc(file, d.Pos)
			break
		}
	}
	f.Snippet = sourceLine(pos.Filename, pos.Line)
	f.SetFingerprint()
	if len(d.SuggestedFixes) > 0 {
		sf := d.SuggestedFixes[0]
		fix := &report.Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			tf := act.Package.Fset.File(e.Pos)
			if tf == nil {
				fix = nil
				break
			}
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			fix.Edits = append(fix.Edits, report.Edit{File: tf.Name(), Start: tf.Offset(e.Pos), End: tf.Offset(end), New: string(e.NewText)})
		}
		f.Fix = fix
	}
	return f
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

// sourceLine returns line n of file, or "".
func sourceLine(file string, n int) string {
	data, err := os.ReadFile(file)
	if err != nil || n < 1 {
		return ""
	}
	lines := strings.SplitN(string(data), "\n", n+1)
	if len(lines) < n {
		return ""
	}
	return lines[n-1]
}

func relPath(dir, file string) string {
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return file
}

// errorLines turns a package error into lines "file:line:col: message".
// The go command reports compile errors as one "# pkg" block holding the
// same errors the type checker reports; splitting it lets them dedupe.
func errorLines(goDir, relTo, pkgPath string, e packages.Error) []string {
	if e.Pos != "" && e.Pos != "-" {
		return []string{relPos(goDir, relTo, e.Pos) + ": " + e.Msg}
	}
	var out []string
	for _, line := range strings.Split(e.Msg, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		if pos, msg, ok := strings.Cut(line, ": "); ok && strings.Contains(pos, ".go:") {
			out = append(out, relPos(goDir, relTo, pos)+": "+msg)
			continue
		}
		out = append(out, pkgPath+": "+line)
	}
	return out
}

// relPos makes the file of a "file:line:col" position, relative to goDir
// or absolute, relative to relTo.
func relPos(goDir, relTo, pos string) string {
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
	return relPath(relTo, file) + rest
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Guard makes every analyzer reachable from as recover from panics: a
// panic becomes an error of that analysis, reported with the package and
// a stack trace, and the other packages are still analyzed. It must be
// called once, before any analysis runs.
func Guard(as []*analysis.Analyzer) {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		run := a.Run
		name := a.Name
		a.Run = func(pass *analysis.Pass) (result any, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("internal error: analyzer %s panicked on package %s: %v\n%s", name, pass.Pkg.Path(), r, debug.Stack())
				}
			}()
			return run(pass)
		}
	}
	for _, a := range as {
		visit(a)
	}
}
