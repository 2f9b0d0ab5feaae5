package driver

import (
	"go/types"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/reach"
)

// maxRounds bounds the rounds of whole-program effect analysis: one per
// level of interfaces between a caller and the database, in practice two
// or three.
const maxRounds = 5

// wholeProgram runs the effects analysis over every loaded package until
// the summaries stop changing, and leaves the result in slot, so that the
// final analysis resolves calls through interfaces to implementations in
// packages the caller does not import (go vet cannot: it sees only
// dependencies). fx is the run's effects analyzer, built to read slot.
func wholeProgram(pkgs []*packages.Package, fx *analysis.Analyzer, slot *atomic.Pointer[effects.Program]) error {
	var tpkgs []*types.Package
	own := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil && len(p.Syntax) > 0 {
			tpkgs = append(tpkgs, p.Types)
			if ownModule(p.Module) {
				own[p.PkgPath] = true
			}
		}
	})
	isOwn := func(path string) bool { return own[path] }
	prog := effects.NewProgram(tpkgs, nil, isOwn)
	for round := 0; round < maxRounds; round++ {
		slot.Store(prog)
		graph, err := checker.Analyze([]*analysis.Analyzer{fx}, pkgs, nil)
		if err != nil {
			return err
		}
		var results []*effects.Result
		for _, act := range graph.Roots {
			if r, ok := act.Result.(*effects.Result); ok {
				results = append(results, r)
			}
		}
		next := effects.NewProgram(tpkgs, results, isOwn)
		if !prog.Consulted() || next.Equal(prog) {
			// Nothing asked the program what facts did not say, or the
			// summaries did not change: another round would compute the
			// same results, so the final analysis reuses these.
			next.Settle()
			prog = next
			break
		}
		prog = next
	}
	slot.Store(prog)
	return nil
}

// ownModule reports whether m is the program's own code: a main module,
// or a module it replaces with a directory (a sibling in a monorepo).
func ownModule(m *packages.Module) bool {
	return m != nil && (m.Main || m.Replace != nil && m.Replace.Version == "")
}

// reachable returns the program's own packages as package reach sees
// them, and what the whole program shows: with them, reach.Find gives the
// code that cannot run, seen whole (an exported function of a package a
// main package imports is dead when nothing calls it, and an exported
// variable no package assigns is fixed), and reach.StartUp the functions
// that run only while the program starts.
func reachable(pkgs []*packages.Package) ([]*reach.Package, *reach.Program) {
	var own []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil && p.TypesInfo != nil && len(p.Syntax) > 0 && ownModule(p.Module) {
			own = append(own, p)
		}
	})
	served := make(map[*packages.Package]bool) // imported by a main package
	var serve func(p *packages.Package)
	serve = func(p *packages.Package) {
		for _, imp := range p.Imports {
			if !served[imp] {
				served[imp] = true
				serve(imp)
			}
		}
	}
	for _, p := range own {
		if p.Name == "main" {
			serve(p)
		}
	}
	rp := make([]*reach.Package, 0, len(own))
	for _, p := range own {
		library := !served[p] && !testSupport(p.Name)
		rp = append(rp, &reach.Package{Fset: p.Fset, Types: p.Types, Info: p.TypesInfo, Files: p.Syntax, Library: library})
	}
	return rp, &reach.Program{Interfaces: interfaceMethods(pkgs)}
}

// testSupport reports whether a package name says the package serves
// tests: testutil, testserver, dbtest (it begins or ends with "test", as
// the standard library's httptest and iotest do), fixtures, mocks,
// mockstore, fakes. One that no main package imports is not a library's
// API: only tests call it.
func testSupport(name string) bool {
	for _, w := range []string{"test", "mock", "fake", "fixture"} {
		if strings.HasPrefix(name, w) || strings.HasSuffix(name, w) || strings.HasSuffix(name, w+"s") {
			return true
		}
	}
	return false
}

// interfaceMethods returns the names of the methods the interfaces the
// program's packages declare at package level, its dependencies' (loaded
// from export data or source) included.
func interfaceMethods(pkgs []*packages.Package) map[string][]*types.Interface {
	var all []*types.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil {
			all = append(all, p.Types)
		}
	})
	return reach.Interfaces(all...)
}
