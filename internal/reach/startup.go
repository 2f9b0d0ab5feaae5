package reach

import (
	"go/ast"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// StartUp returns the functions of a whole program that run only while it
// starts, once per process: those main, init, package-level initialisers
// and command-line commands (apis.Commands) call, directly and by name,
// outside other function literals, go and defer statements and loops that
// repeat until the process stops (source.Repeating), and those that only
// such functions call so. A function something else may run (a handler
// or callback passed as a value, a method an interface may call, a
// library's API, what package-level declarations refer to other than by
// a call, a call in a goroutine or on every tick) runs at any time, and is
// not one of them, nor is anything it calls. A method an interface may
// call is one whose type implements an interface of the program that
// declares it: the name alone is not enough (a dependency's Init).
//
// One package alone cannot tell who calls its functions: StartUp needs
// the whole program, and is nil without one.
func StartUp(pkgs []*Package, whole *Program) map[*types.Func]bool {
	if whole == nil {
		return nil
	}
	type fn struct {
		calls []*types.Func // called by name, once per run
		other []*types.Func // referred to in any other way
	}
	funcs := make(map[*types.Func]*fn)
	var start, anytime []*types.Func
	for _, p := range pkgs {
		callable := interfaceCallable(p, whole)
		methods := func(fn *types.Func) func(string) bool {
			return func(string) bool { return callable(fn) }
		}
		for _, f := range nonTest(p) {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					obj, ok := p.Info.Defs[d.Name].(*types.Func)
					if !ok {
						continue
					}
					x := &fn{}
					if d.Body != nil {
						x.calls, x.other = references(p.Info, d.Body)
					}
					funcs[obj] = x
					switch {
					case d.Recv == nil && (d.Name.Name == "init" || d.Name.Name == "main" && p.Types.Name() == "main"):
						start = append(start, obj)
					case isRoot(p, d, obj, methods(obj), true):
						anytime = append(anytime, obj)
					}
				case *ast.GenDecl:
					// A package-level initialiser runs once, while the
					// program starts; what it refers to otherwise (a
					// table of handlers) may run at any time.
					calls, other := references(p.Info, d)
					start = append(start, calls...)
					anytime = append(anytime, other...)
				}
			}
		}
	}
	// Start-up code, and what it refers to other than by a call: that
	// runs at any time (a handler it registers, a goroutine's body).
	atStart := make(map[*types.Func]bool)
	work := start
	for len(work) > 0 {
		f := work[len(work)-1].Origin()
		work = work[:len(work)-1]
		if x := funcs[f]; x != nil && !atStart[f] {
			atStart[f] = true
			anytime = append(anytime, x.other...)
			work = append(work, x.calls...)
		}
	}
	// What runs at any time, and everything it refers to.
	runs := make(map[*types.Func]bool)
	for work = anytime; len(work) > 0; {
		f := work[len(work)-1].Origin()
		work = work[:len(work)-1]
		if x := funcs[f]; x != nil && !runs[f] {
			runs[f] = true
			work = append(append(work, x.calls...), x.other...)
		}
	}
	out := make(map[*types.Func]bool)
	for f := range atStart {
		if !runs[f] {
			out[f] = true
		}
	}
	return out
}

// references returns the functions n calls by name once per run (f(),
// pkg.F(), v.M() with a concrete receiver), outside function literals,
// go and defer statements and repeating loops, and the functions it
// refers to in any other way. What a command-line command runs when it is
// invoked (apis.CommandRun: cobra's RunE, urfave/cli's Action), given as a
// function literal or by name, is called once per run too.
func references(info *types.Info, n ast.Node) (calls, other []*types.Func) {
	called := make(map[*ast.Ident]bool)
	call := func(fun ast.Expr) {
		switch f := ast.Unparen(fun).(type) {
		case *ast.Ident:
			called[f] = true
		case *ast.SelectorExpr:
			called[f.Sel] = true
		}
	}
	run := func(t types.Type, field string, value ast.Expr, visit func(ast.Node)) {
		if !apis.CommandRun(t, field) {
			return
		}
		if lit, ok := ast.Unparen(value).(*ast.FuncLit); ok {
			visit(lit.Body)
		} else {
			call(value)
		}
	}
	var visit func(ast.Node)
	visit = func(n ast.Node) {
		periodic := source.Repeating(info, n)
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
				return false // runs later or elsewhere: its uses stay values
			case *ast.CompositeLit:
				for _, e := range m.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if key, ok := kv.Key.(*ast.Ident); ok && !source.Within(periodic, m) {
							run(info.TypeOf(m), key.Name, kv.Value, visit)
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range m.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && len(m.Rhs) == len(m.Lhs) && !source.Within(periodic, m) {
						run(info.TypeOf(sel.X), sel.Sel.Name, m.Rhs[i], visit)
					}
				}
			case *ast.CallExpr:
				if source.Within(periodic, m) {
					return true
				}
				if fn, _ := apis.Callee(info, m); fn == nil || dynamic(fn) {
					return true
				}
				call(m.Fun)
			}
			return true
		})
	}
	visit(n)
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok {
			if fn, ok := info.Uses[id].(*types.Func); ok {
				if called[id] {
					calls = append(calls, fn)
				} else {
					other = append(other, fn)
				}
			}
		}
		return true
	})
	return calls, other
}

// dynamic reports whether fn is an interface's method: a call of it runs
// whichever implementation the value holds.
func dynamic(fn *types.Func) bool {
	r := fn.Signature().Recv()
	return r != nil && types.IsInterface(r.Type())
}
