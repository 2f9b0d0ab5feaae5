package effects

import (
	"go/types"
	"sync"
)

// Program is the whole program as the apilint command loads it: every
// concrete type of the analyzed packages and the summaries of their
// methods from a previous round, for resolving interface calls to
// implementations in packages the caller does not import.
type Program struct {
	types     []*types.Named
	summaries map[*types.Func]*Summary
	impls     sync.Map // *types.Func (interface method) → []*types.Func
	// bodyLimit is set when some package caps request bodies server-wide.
	bodyLimit bool
}

// NewProgram indexes the concrete types of pkgs and the summaries in
// results (the Results of a previous round, by package).
func NewProgram(pkgs []*types.Package, results []*Result) *Program {
	p := &Program{summaries: make(map[*types.Func]*Summary)}
	for _, pkg := range pkgs {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() == 0 && !types.IsInterface(named) {
				p.types = append(p.types, named)
			}
		}
	}
	for _, r := range results {
		if r == nil {
			continue
		}
		p.bodyLimit = p.bodyLimit || r.bodyLimit
		for fn, nd := range r.s.funcs {
			if !nd.sum.Empty() {
				sum := nd.sum
				p.summaries[fn] = &sum
			}
		}
	}
	return p
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

// implementations returns the program's methods that implement fn of
// iface. Passes run concurrently; a method computed twice is computed
// the same way.
func (p *Program) implementations(iface *types.Interface, fn *types.Func) []*types.Func {
	if v, ok := p.impls.Load(fn); ok {
		return v.([]*types.Func)
	}
	impls := implementations(p.types, iface, fn)
	p.impls.Store(fn, impls)
	return impls
}
