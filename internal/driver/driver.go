// Package driver is the standalone driver: it runs apilint's analyzers
// over the packages the apilint command names, the way go vet runs them
// one package at a time, but over the whole program at once.
//
// The packages named on the command line, every other package of their
// main modules, and every package outside the standard library they
// depend on are loaded from source and analyzed together, so that facts
// flow between them exactly as they do under go vet, and so that a call
// through an interface can be resolved to the implementations the
// program contains (go vet cannot: it sees only dependencies). The
// standard library is loaded from export data: the knowledge tables
// describe it. Findings are reported for the packages named only.
package driver

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"sort"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/reach"
	"github.com/apilint/apilint/internal/report"
)

// Options says what to analyze and how.
type Options struct {
	// Dir is the directory patterns are resolved in; "" means the
	// current directory.
	Dir string
	// Root is the directory finding paths are relative to; "" means the
	// repository root above Dir, or else its module root (see FindRoot).
	Root string
	// Patterns are go list patterns; none means "./...".
	Patterns []string
	// Analyzers are the analyzers whose findings are reported.
	Analyzers []*analysis.Analyzer
	// Effects is the run's effects analyzer, which Analyzers require, and
	// Program the whole-program slot it was built to read
	// (effects.Options.Program): the driver fills it before the final
	// analysis. With either nil, interface calls are resolved as go vet
	// resolves them.
	Effects *analysis.Analyzer
	Program *atomic.Pointer[effects.Program]
	// Table is the run's knowledge, which decides the dependencies
	// worth summarising; nil means the builtin tables.
	Table *apis.Table
	// Env is the go command's environment; nil means os.Environ().
	Env []string
	// BuildFlags are passed to the go command (-tags=...).
	BuildFlags []string
}

// Result is what a run found.
type Result struct {
	Findings []report.Finding
	// Errors are packages that did not load or type-check, and analyses
	// that failed, each one line naming the file and line where known.
	Errors []string
	// Packages is the number of packages analyzed and reported on.
	Packages int
	// Root is the directory finding paths are relative to.
	Root string
	// Snapshot holds the content hash of every source file as it was
	// analysed, for --fix to check files have not changed since.
	Snapshot map[string][sha256.Size]byte
}

// Run loads the packages and runs the analyzers on them.
func Run(opts Options) (*Result, error) {
	prog, err := load(opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Root: prog.root, Errors: prog.errors, Snapshot: prog.snapshot()}
	own, whole := reachable(prog.pkgs)
	if opts.Effects != nil && opts.Program != nil {
		if err := wholeProgram(prog.pkgs, opts.Effects, opts.Program); err != nil {
			return nil, err
		}
		if p := opts.Program.Load(); p != nil {
			p.SetStartUp(reach.StartUp(own, whole))
			p.SetListed(reach.Listed(own, whole))
			p.SetOneElement(reach.OneElement(own, whole))
			p.SetRunNow(reach.RunNow(own))
		}
	}
	graph, err := checker.Analyze(opts.Analyzers, prog.pkgs, nil)
	if err != nil {
		return nil, err
	}
	dead := reach.Find(own, whole)
	wanted := make(map[*analysis.Analyzer]bool)
	for _, a := range opts.Analyzers {
		wanted[a] = true
	}
	counted := make(map[*packages.Package]bool)
	for _, act := range graph.Roots {
		if !prog.reported[act.Package.ID] || !wanted[act.Analyzer] {
			continue
		}
		if !counted[act.Package] {
			counted[act.Package] = true
			res.Packages++
		}
		if act.Err != nil {
			if !prog.broken[act.Package] { // its load errors already say why
				// An analyzer whose prerequisite failed says only "failed
				// prerequisites": report the prerequisite's own error,
				// once for all the analyzers that needed it.
				cause := failedFirst(act)
				msg := fmt.Sprintf("%s: %s: %v", cause.Package.PkgPath, cause.Analyzer.Name, cause.Err)
				if !slices.Contains(res.Errors, msg) {
					res.Errors = append(res.Errors, msg)
				}
			}
			continue
		}
		p := findings.Package{Fset: act.Package.Fset, Files: act.Package.Syntax, Root: prog.root, Content: prog.content}
		for _, d := range act.Diagnostics {
			if act.Analyzer.Name != findings.DirectiveRule && dead.Contains(act.Package.Fset, d.Pos) {
				continue // code nothing in the program runs
			}
			res.Findings = append(res.Findings, findings.Decode(act.Analyzer.Name, p, d))
		}
	}
	report.Sort(res.Findings)
	sort.Strings(res.Errors)
	return res, nil
}

// failedFirst returns the action whose own error made act fail: act
// itself, or, when a prerequisite failed, that prerequisite's (the
// checker's error for act then only says "failed prerequisites").
func failedFirst(act *checker.Action) *checker.Action {
	for _, dep := range act.Deps {
		if dep.Err != nil {
			return failedFirst(dep)
		}
	}
	return act
}
