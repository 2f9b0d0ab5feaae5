package reach

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/source"
)

// OneElement returns, for the functions and methods of a whole program,
// the indexes of the slice, array or map parameters that every call in
// the program fills with at most one element: a composite literal of one
// element (taskIDs([]string{tenantID})), or a local variable of the
// caller whose every value is one (tenants := []string{tenantID}). A loop
// over such a parameter runs at most once, however the function is
// written. A call through an interface reaches any method of its name,
// so methods are judged by name; a function used as a value may be called
// with anything, and so may an exported function of a library. Nil
// without a whole program.
func OneElement(pkgs []*Package, whole *Program) map[*types.Func][]int {
	if whole == nil {
		return nil
	}
	type calls struct {
		n    int
		many map[int]bool // argument indexes some call fills otherwise
	}
	// passed records an argument that is a parameter of the function the
	// call is in: it holds one element if that parameter does.
	type slot struct {
		k callKey
		i int
	}
	type passed struct{ to, from slot }
	var passes []passed
	seen := make(map[callKey]*calls)
	escaped := make(map[callKey]bool)
	outside := make(map[callKey]bool)
	var candidates []*types.Func
	for _, p := range pkgs {
		for _, f := range nonTest(p) {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if ok {
					if fn, ok := p.Info.Defs[fd.Name].(*types.Func); ok {
						switch {
						case p.Library && fd.Name.IsExported():
							outside[keyOf(fn)] = true // callers outside the program
						case len(collectionParams(fn)) > 0:
							candidates = append(candidates, fn)
						}
					}
				}
				var body ast.Node
				var params map[*types.Var]int
				var self callKey
				if ok {
					body = fd.Body
					if fn, isFn := p.Info.Defs[fd.Name].(*types.Func); isFn {
						self = keyOf(fn)
						params = make(map[*types.Var]int)
						for i := range fn.Signature().Params().Len() {
							params[fn.Signature().Params().At(i)] = i
						}
					}
				}
				called := make(map[*ast.Ident]bool)
				ast.Inspect(d, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.CallExpr:
						id := calleeIdent(n)
						if id == nil {
							return true
						}
						called[id] = true
						fn, ok := p.Info.Uses[id].(*types.Func)
						if !ok {
							return true
						}
						k := keyOf(fn)
						c := seen[k]
						if c == nil {
							c = &calls{many: make(map[int]bool)}
							seen[k] = c
						}
						c.n++
						for i, a := range n.Args {
							if n.Ellipsis.IsValid() && i == len(n.Args)-1 {
								c.many[i] = true
								continue
							}
							if id, isID := ast.Unparen(a).(*ast.Ident); isID && params != nil {
								if v, isVar := p.Info.Uses[id].(*types.Var); isVar {
									if j, isParam := params[v]; isParam {
										passes = append(passes, passed{to: slot{k, i}, from: slot{self, j}})
										continue
									}
								}
							}
							if !oneElement(p.Info, body, a) {
								c.many[i] = true
							}
						}
					case *ast.Ident:
						if fn, ok := p.Info.Uses[n].(*types.Func); ok && !called[n] {
							escaped[keyOf(fn)] = true
						}
					}
					return true
				})
			}
		}
	}
	// A parameter handed on holds one element only if the parameter it
	// comes from does: spread "many" along the hand-overs.
	isMany := func(sl slot) bool {
		c := seen[sl.k]
		return c == nil || c.n == 0 || escaped[sl.k] || outside[sl.k] || c.many[sl.i]
	}
	for changed := true; changed; {
		changed = false
		for _, ps := range passes {
			if c := seen[ps.to.k]; c != nil && !c.many[ps.to.i] && isMany(ps.from) {
				c.many[ps.to.i] = true
				changed = true
			}
		}
	}
	out := make(map[*types.Func][]int)
	for _, fn := range candidates {
		k := keyOf(fn)
		c := seen[k]
		if escaped[k] || c == nil || c.n == 0 {
			continue
		}
		for _, i := range collectionParams(fn) {
			if !c.many[i] {
				out[fn] = append(out[fn], i)
			}
		}
	}
	return out
}

// calleeIdent returns the identifier naming the function call calls:
// f(), pkg.F(), v.M(), f[T]().
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	case *ast.IndexExpr:
		if x, ok := ast.Unparen(fun.X).(*ast.Ident); ok {
			return x
		}
	}
	return nil
}

// collectionParams returns the indexes of fn's slice, array and map
// parameters, the variadic one aside (Listed judges that).
func collectionParams(fn *types.Func) []int {
	sig := fn.Signature()
	var out []int
	for i := range sig.Params().Len() {
		if sig.Variadic() && i == sig.Params().Len()-1 {
			continue
		}
		switch sig.Params().At(i).Type().Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map:
			out = append(out, i)
		}
	}
	return out
}

// oneElement reports whether e holds at most one element: nil, a
// composite literal of at most one, or a local slice or array variable of body
// whose every value is one, whose address nothing takes and into which
// nothing is stored by index.
func oneElement(info *types.Info, body ast.Node, e ast.Expr) bool {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return len(lit.Elts) <= 1
	}
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		return true // none at all
	}
	id, ok := e.(*ast.Ident)
	if !ok || body == nil {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	switch v.Type().Underlying().(type) {
	case *types.Slice, *types.Array:
	default:
		return false // a map grows by m[k] = v
	}
	vals := source.AssignedValues(info, body, v)
	if len(vals) == 0 {
		return false
	}
	for _, a := range vals {
		lit, ok := ast.Unparen(a.Expr).(*ast.CompositeLit)
		if !ok || len(lit.Elts) > 1 {
			return false
		}
	}
	touched := false
	ast.Inspect(body, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND && source.Used(info, u.X) == v {
			touched = true
		}
		return !touched
	})
	return !touched
}
