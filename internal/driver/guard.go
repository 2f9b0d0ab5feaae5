package driver

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

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
