package driver

import (
	"go/types"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apilint/apilint/internal/effects"
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
