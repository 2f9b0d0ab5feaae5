package reach

import (
	"go/ast"
	"go/types"
)

// Listed returns the variadic functions and methods of a whole program
// whose callers all list the variadic arguments one by one (f(ctx, a, b),
// never f(ctx, xs...)) and which nothing uses as a value: a loop over
// that parameter runs once per argument written at a call, as many as the
// code lists, however many rows the program holds. A call through an
// interface reaches any method of its name, so methods are judged by
// name; an exported function of a library may be called from outside,
// and is not one of them. Nil without a whole program.
func Listed(pkgs []*Package, whole *Program) map[*types.Func]bool {
	if whole == nil {
		return nil
	}
	spread := make(map[callKey]bool) // called with xs..., or used as a value
	var candidates []*types.Func
	for _, p := range pkgs {
		for _, f := range nonTest(p) {
			called := make(map[*ast.Ident]bool)
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if fn, ok := p.Info.Defs[n.Name].(*types.Func); ok && fn.Signature().Variadic() &&
						!(p.Library && n.Name.IsExported()) {
						candidates = append(candidates, fn)
					}
				case *ast.CallExpr:
					id := calleeIdent(n)
					if id == nil {
						return true
					}
					called[id] = true
					if fn, ok := p.Info.Uses[id].(*types.Func); ok && n.Ellipsis.IsValid() {
						spread[keyOf(fn)] = true
					}
				case *ast.Ident:
					if fn, ok := p.Info.Uses[n].(*types.Func); ok && !called[n] && fn.Signature().Variadic() {
						spread[keyOf(fn)] = true
					}
				}
				return true
			})
		}
	}
	out := make(map[*types.Func]bool)
	for _, fn := range candidates {
		if !spread[keyOf(fn)] {
			out[fn] = true
		}
	}
	return out
}

// callKey is what a call can reach: a function, or, for a method, every
// method of its name (a call through an interface reaches any of them).
type callKey struct {
	fn     *types.Func // a function, or nil for a method
	method string
}

// keyOf returns the callKey of fn.
func keyOf(fn *types.Func) callKey {
	if fn.Signature().Recv() != nil {
		return callKey{method: fn.Name()}
	}
	return callKey{fn: fn.Origin()}
}
