package effects

import (
	"go/types"
	"strings"

	"github.com/apilint/apilint/internal/apis"
)

// interfaceTargets resolves a call of interface method fn on a receiver
// of interface type recv. See the package documentation for the order.
func (s *state) interfaceTargets(fn *types.Func, recv types.Type) []target {
	iface, _ := recv.Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	// An interface a database handle satisfies (sqlc's DBTX).
	if t := s.dbCall(iface, fn); t != nil {
		return []target{*t}
	}
	fn = fn.Origin()
	// An interface of this package: its node, whose edges are the
	// package's implementations.
	if nd := s.funcs[fn]; nd != nil {
		return []target{{node: nd}}
	}
	// An interface of a dependency whose own package implements it.
	if fn.Pkg() != s.pass.Pkg {
		var sum Summary
		if s.pass.ImportObjectFact(fn, &sum) {
			return []target{{fn: fn}}
		}
	}
	// The whole program, when the driver loaded it; under go vet, the
	// packages of the module this one imports (a store package whose
	// constructor the service package calls), which the whole program
	// includes.
	var impls []*types.Func
	if s.prog != nil {
		impls = s.prog.implementations(iface, fn)
	} else {
		impls = s.importedImplementations(iface, fn)
	}
	if len(impls) >= minBackends {
		return []target{{node: s.backendsNode(fn, impls)}}
	}
	if len(impls) > 0 {
		ts := make([]target, len(impls))
		for i, impl := range impls {
			ts[i] = s.funcTarget(impl)
		}
		return ts
	}
	if e, ok := s.inferred(recv, fn); ok {
		return []target{{effect: &e, inferred: true}}
	}
	return nil
}

// dbCall resolves an interface method to a database handle's method when
// a known handle implements the interface: sqlc's DBTX, or a service's
// own "Querier" interface over *sql.DB.
func (s *state) dbCall(iface *types.Interface, fn *types.Func) *target {
	m, entry := s.dbMethod(iface, fn)
	if entry == nil {
		return nil
	}
	if k, ok := kindOf(entry.Kind); ok {
		return &target{effect: &Effect{Kind: k, Chain: NewChain(apis.FuncName(m))}}
	}
	return nil
}

// dbMethod returns the method of a known database handle that a call of
// fn on interface iface runs, when a handle implements iface (sqlc's
// DBTX, a service's own accessor interface), and its table entry.
func (s *state) dbMethod(iface *types.Interface, fn *types.Func) (*types.Func, *apis.Call) {
	if !s.dbDone {
		s.dbDone = true
		pkgs := make(map[string]*types.Package)
		var walk func(p *types.Package)
		walk = func(p *types.Package) {
			if _, seen := pkgs[p.Path()]; seen {
				return
			}
			pkgs[p.Path()] = p
			for _, imp := range p.Imports() {
				walk(imp)
			}
		}
		walk(s.pass.Pkg)
		for _, ref := range apis.DBHandles {
			if p := pkgs[ref.Pkg]; p != nil {
				if tn, ok := p.Scope().Lookup(ref.Name).(*types.TypeName); ok {
					t := tn.Type()
					if ref.Ptr {
						t = types.NewPointer(t)
					}
					s.dbTypes = append(s.dbTypes, t)
				}
			}
		}
	}
	for _, t := range s.dbTypes {
		if !types.Implements(t, iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, fn.Pkg(), fn.Name())
		m, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if entry := s.table.Lookup(m, t); entry != nil {
			return m, entry
		}
	}
	return nil, nil
}

// suffixList is a comma-separated flag value.
type suffixList []string

func (l *suffixList) String() string { return strings.Join(*l, ",") }

func (l *suffixList) Set(v string) error {
	*l = suffixList{}
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// inferred applies the naming heuristic to a method of an interface type.
// It applies only to interfaces of the module being analyzed (a library's
// "Storage" is rarely a database), and to methods that could make a round
// trip: ones that take a context.Context or return an error.
func (s *state) inferred(recv types.Type, fn *types.Func) (Effect, bool) {
	ipkg, name := apis.NamedOf(recv)
	if name == "" {
		return Effect{}, false
	}
	if m := s.pass.Module; m != nil && m.Path != "" && ipkg != m.Path && !strings.HasPrefix(ipkg, m.Path+"/") {
		return Effect{}, false
	}
	if !mayRoundTrip(fn.Signature()) {
		return Effect{}, false
	}
	match := false
	for _, suffix := range s.interfaces {
		if strings.HasSuffix(name, suffix) {
			match = true
			break
		}
	}
	if match && strings.HasSuffix(name, "DB") && s.dependency() {
		// A library's own DB interface (zgo.at/zdb's DB) wraps the
		// handle whose queries its functions already show; the suffix
		// names a database only in the user's own modules (koito's
		// db.DB), not in a versioned dependency summarised for them.
		match = false
	}
	if !match {
		return Effect{}, false
	}
	kind := DBReadOne
	for _, p := range apis.WritePrefixes {
		if strings.HasPrefix(fn.Name(), p) {
			kind = DBWrite
		}
	}
	for _, p := range apis.ReadManyPrefixes {
		if strings.HasPrefix(fn.Name(), p) {
			kind = DBReadMany
		}
	}
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	return Effect{Kind: kind, Chain: NewChain(pkg + name + "." + fn.Name()), Inferred: true}, true
}

// mayRoundTrip reports whether a method's signature could hide a round
// trip: a context.Context parameter or an error result.
func mayRoundTrip(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if apis.IsContext(sig.Params().At(i).Type()) {
			return true
		}
	}
	errType := types.Universe.Lookup("error").Type()
	for i := 0; i < sig.Results().Len(); i++ {
		if types.Identical(sig.Results().At(i).Type(), errType) {
			return true
		}
	}
	return false
}

// importedImplementations returns the methods implementing fn of iface
// among the types of the packages this one imports directly that belong
// to its module (or, without module information, share its path's first
// element). Under go vet they are all the implementations in sight: a
// service package holding its store behind an interface it declares,
// and calling the store package's constructor. Their effects come from
// the store package's facts. The apilint command asks the whole program
// instead, which includes them.
func (s *state) importedImplementations(iface *types.Interface, fn *types.Func) []*types.Func {
	if fn.Pkg() == nil || s.pass.Pkg == nil {
		return nil
	}
	if s.dependency() {
		// A dependency: the implementations in its own packages are
		// choices the program may never make (a broker it may not use),
		// as interfaceNodes says, and the apilint command does not
		// resolve them either.
		return nil
	}
	own := func(path string) bool {
		if m := s.pass.Module; m != nil && m.Path != "" {
			return path == m.Path || strings.HasPrefix(path, m.Path+"/")
		}
		first, _, _ := strings.Cut(s.pass.Pkg.Path(), "/")
		return strings.HasPrefix(path, first+"/")
	}
	if !own(fn.Pkg().Path()) {
		return nil
	}
	var candidates []*types.Named
	for _, imp := range s.pass.Pkg.Imports() {
		if own(imp.Path()) {
			candidates = append(candidates, concreteTypes(imp)...)
		}
	}
	var out []*types.Func
	for _, impl := range implementations(candidates, iface, fn) {
		if impl.Exported() {
			var sum Summary
			if s.pass.ImportObjectFact(impl, &sum) {
				out = append(out, impl)
			}
		}
	}
	return out
}
