package effects

import (
	"go/types"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// Program is the whole program as the apilint command loads it: every
// concrete type of the analyzed packages and the summaries of their
// methods from a previous round, for resolving interface calls to
// implementations in packages the caller does not import.
type Program struct {
	// database is the one database whose drivers the program's packages
	// import, or "".
	database apis.Database
	// routes are the registrations of handlers declared in another
	// package than the one registering them (gin routes in a routes
	// package, handlers in a controller package).
	routes    map[*types.Func][]source.Route
	types     []*types.Named
	summaries map[*types.Func]*Summary
	impls     sync.Map // *types.Func (interface method) → []*types.Func
	// consulted is set when a pass asked the program something that its
	// packages' facts did not answer: another round may answer better.
	consulted atomic.Bool
	// results are the Results the program was built from, by package;
	// once the driver marks the program settled, the analysis that
	// follows takes them instead of computing them again.
	results map[*types.Package]*Result
	settled bool
	// own reports whether a package path is the program's own code.
	own func(path string) bool
	// limiting are the packages that cap request bodies for a whole
	// server or router (http.MaxBytesHandler, echo's BodyLimit,
	// gin-contrib/size), and capped caches cappedBy.
	limiting []*types.Package
	capped   sync.Map // *types.Package → bool
	// cappedFuncs are the functions some package passes to a wrapper
	// that caps the request body before calling them.
	cappedFuncs map[*types.Func]bool
	// startUp are the functions that run only while the program starts
	// (reach.StartUp), set by the driver before the final analysis.
	startUp map[*types.Func]bool
	// listed are the variadic functions whose callers all list their
	// variadic arguments (reach.Listed), set with startUp.
	listed map[*types.Func]bool
	// runNow are the function-typed parameters each function runs before
	// it returns (reach.RunNow), set with startUp.
	runNow map[*types.Func][]int
	// oneElement are the collection parameters every call fills with at
	// most one element (reach.OneElement), set with startUp.
	oneElement map[*types.Func][]int
}

// SetOneElement records the collection parameters of the program's
// functions that every call fills with at most one element (see
// Result.OneElement).
func (p *Program) SetOneElement(fns map[*types.Func][]int) { p.oneElement = fns }

// SetRunNow records which function-typed parameters the program's
// functions run before they return (see Result.AtStartUp).
func (p *Program) SetRunNow(fns map[*types.Func][]int) { p.runNow = fns }

// SetStartUp records the functions of the program that run only while it
// starts (see Result.StartUpOnly).
func (p *Program) SetStartUp(fns map[*types.Func]bool) { p.startUp = fns }

// SetListed records the variadic functions of the program whose callers
// all list their variadic arguments (see Result.Listed).
func (p *Program) SetListed(fns map[*types.Func]bool) { p.listed = fns }

// Settle marks p as the program the rounds converged on: the results it
// was built from are what another round would compute, so the final
// analysis reuses them.
func (p *Program) Settle() { p.settled = true }

// reuse returns the Result p holds for pass's package, rebound to pass
// (its facts exported again, for the passes of this analysis), or nil.
func (p *Program) reuse(pass *analysis.Pass) *Result {
	if p == nil || !p.settled {
		return nil
	}
	r := p.results[pass.Pkg]
	if r == nil {
		return nil
	}
	r.s.pass = pass
	r.s.prog = p
	r.s.export()
	return r
}

// Consulted reports whether a pass that used p asked it for an
// implementation or a summary that facts did not give: if not, a round
// with more summaries would compute the same results.
func (p *Program) Consulted() bool { return p.consulted.Load() }

// NewProgram indexes the concrete types of pkgs and the summaries in
// results (the Results of a previous round, by package). Calls are
// resolved through the interfaces of own packages only (the program's own
// code: its main modules and the modules it replaces with directories):
// an io.Writer has hundreds of implementations and says nothing of the
// program's design, a Store of its own has the few that matter.
func NewProgram(pkgs []*types.Package, results []*Result, own func(path string) bool) *Program {
	p := &Program{summaries: make(map[*types.Func]*Summary), results: make(map[*types.Package]*Result), own: own}
	dbs := make(map[apis.Database]bool)
	addDriver := func(path string) {
		if d := apis.DriverOf(path); d != "" {
			dbs[d] = true
		}
	}
	for _, pkg := range pkgs {
		p.types = append(p.types, concreteTypes(pkg)...)
		// Not append(pkg.Imports(), pkg): that could write into the
		// package's own import list.
		addDriver(pkg.Path())
		for _, imp := range pkg.Imports() {
			addDriver(imp.Path())
		}
	}
	if len(dbs) == 1 {
		for d := range dbs {
			p.database = d
		}
	}
	p.routeHandlers(results)
	for _, r := range results {
		if r == nil {
			continue
		}
		p.results[r.s.pass.Pkg] = r
		if r.serverLimit {
			p.limiting = append(p.limiting, r.s.pass.Pkg)
		}
		for _, fn := range r.cappedFuncs {
			if p.cappedFuncs == nil {
				p.cappedFuncs = make(map[*types.Func]bool)
			}
			p.cappedFuncs[fn] = true
		}
		for fn, nd := range r.s.funcs {
			// Only methods implement interfaces; the summaries of final
			// results are not changed again, so they are shared.
			if !nd.sum.Empty() && fn.Signature().Recv() != nil {
				p.summaries[fn] = &nd.sum
			}
		}
	}
	return p
}

// routeHandlers records the routes that packages register for handlers
// declared in other packages, and gives them to those handlers, which
// their own package saw registered nowhere: under go vet a package cannot
// see its importers' registrations.
func (p *Program) routeHandlers(results []*Result) {
	p.routes = make(map[*types.Func][]source.Route)
	for _, r := range results {
		if r.s.handlers == nil {
			continue
		}
		for fn, routes := range r.s.handlers.elsewhere {
			p.routes[fn] = append(p.routes[fn], routes...)
		}
	}
	for _, r := range results {
		for _, h := range r.Handlers() {
			p.giveRoutes(h)
		}
	}
}

// giveRoutes gives h, declared in its package and registered nowhere
// there, the routes other packages register it for.
func (p *Program) giveRoutes(h *Handler) {
	if p != nil && h.Node != nil && h.Func != nil && len(h.Routes) == 0 {
		h.Routes = p.routes[h.Func.Origin()]
	}
}

// cappedBy reports whether a package that imports pkg, directly or not,
// caps request bodies for a whole server or router: a main package
// wrapping its mux with http.MaxBytesHandler. A middleware calling
// http.MaxBytesReader does not count: it caps its own package's routes.
func (p *Program) cappedBy(pkg *types.Package) bool {
	if p == nil || len(p.limiting) == 0 {
		return false
	}
	if v, ok := p.capped.Load(pkg); ok {
		return v.(bool)
	}
	found := false
	for _, l := range p.limiting {
		if imports(l, pkg, make(map[*types.Package]bool)) {
			found = true
			break
		}
	}
	p.capped.Store(pkg, found)
	return found
}

// handlerCapped reports whether some package of the program passes fn to
// a wrapper that caps the request body before calling it.
func (p *Program) handlerCapped(fn *types.Func) bool {
	return p != nil && p.cappedFuncs[fn]
}

// imports reports whether from imports to, directly or not.
func imports(from, to *types.Package, seen map[*types.Package]bool) bool {
	if seen[from] {
		return false
	}
	seen[from] = true
	for _, imp := range from.Imports() {
		if imp == to || imports(imp, to, seen) {
			return true
		}
	}
	return false
}

// Equal reports whether p and q hold the same summaries.
func (p *Program) Equal(q *Program) bool {
	if p == nil || q == nil || len(p.summaries) != len(q.summaries) {
		return p == q
	}
	for fn, s := range p.summaries {
		t, ok := q.summaries[fn]
		if !ok || s.String() != t.String() {
			return false
		}
	}
	return true
}

// concreteTypes returns the named, non-generic, non-interface types that
// pkg declares at package level: the candidates for implementing an
// interface.
func concreteTypes(pkg *types.Package) []*types.Named {
	concrete, _ := source.NamedTypes(pkg)
	return concrete
}

// implementations returns the program's methods that implement fn of
// iface. Passes run concurrently; a method computed twice is computed
// the same way.
func (p *Program) implementations(iface *types.Interface, fn *types.Func) []*types.Func {
	if fn.Pkg() == nil || p.own == nil || !p.own(fn.Pkg().Path()) {
		return nil
	}
	if v, ok := p.impls.Load(fn); ok {
		impls := v.([]*types.Func)
		if len(impls) > 0 {
			p.consulted.Store(true)
		}
		return impls
	}
	impls := implementations(p.types, iface, fn)
	p.impls.Store(fn, impls)
	if len(impls) > 0 {
		p.consulted.Store(true)
	}
	return impls
}
