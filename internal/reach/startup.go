package reach

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

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
	now := runNow(pkgs)
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
						x.calls, x.other = references(p.Info, d.Body, now)
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
					calls, other := references(p.Info, d, now)
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
// function literal or by name, is called once per run too, and so is a
// function handed to one that runs it before it returns (now: a
// transaction wrapper's fn).
func references(info *types.Info, n ast.Node, now map[*types.Func][]int) (calls, other []*types.Func) {
	called := make(map[*ast.Ident]bool)
	call := func(fun ast.Expr) {
		switch f := ast.Unparen(fun).(type) {
		case *ast.Ident:
			called[f] = true
		case *ast.SelectorExpr:
			called[f.Sel] = true
		}
	}
	run := func(n ast.Node, visit func(ast.Node)) {
		for _, value := range apis.CommandRuns(info, n) {
			if lit, ok := ast.Unparen(value).(*ast.FuncLit); ok {
				visit(lit.Body)
			} else {
				call(value)
			}
		}
	}
	local := calledLiterals(info, n)
	var visit func(ast.Node)
	visit = func(n ast.Node) {
		periodic := source.Repeating(info, n)
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				if local[m] && !source.Within(periodic, m) {
					visit(m.Body) // migrate := func(...) {...}; migrate(a); migrate(b)
				}
				return false // runs later or elsewhere: its uses stay values
			case *ast.GoStmt, *ast.DeferStmt:
				return false // runs later or elsewhere: its uses stay values
			case *ast.CompositeLit, *ast.AssignStmt:
				if !source.Within(periodic, m) {
					run(m, visit)
				}
			case *ast.CallExpr:
				if source.Within(periodic, m) {
					return true
				}
				run(m, visit) // cobra.OnInitialize(initApp)
				fn, _ := apis.Callee(info, m)
				if fn == nil {
					return true
				}
				if !dynamic(fn) {
					call(m.Fun)
				}
				// An interface's method runs the function it is given when
				// every implementation does (store.WithTx(ctx, fn)).
				for _, i := range RunsArgs(info, m, fn, now) {
					if lit, ok := ast.Unparen(m.Args[i]).(*ast.FuncLit); ok {
						visit(lit.Body)
					} else {
						call(m.Args[i])
					}
				}
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

// calledLiterals returns the function literals of n that are assigned to
// a local variable (f := func(...) {...}) whose every use is a call of it
// in the same function, outside go and defer statements and other
// literals: the literal runs where the variable is called.
func calledLiterals(info *types.Info, n ast.Node) map[*ast.FuncLit]bool {
	lits := make(map[*types.Var]*ast.FuncLit)
	ast.Inspect(n, func(m ast.Node) bool {
		if as, ok := m.(*ast.AssignStmt); ok && as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				lit, ok := ast.Unparen(as.Rhs[i]).(*ast.FuncLit)
				id, isID := l.(*ast.Ident)
				if !ok || !isID {
					continue
				}
				if v, ok := info.Defs[id].(*types.Var); ok {
					lits[v] = lit
				}
			}
		}
		return true
	})
	if len(lits) == 0 {
		return nil
	}
	bad := make(map[*types.Var]bool)
	var walk func(m ast.Node, inside bool)
	walk = func(m ast.Node, inside bool) {
		ast.Inspect(m, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
				if x != m {
					walk(x, true)
					return false
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && lits[v] != nil {
						bad[v] = bad[v] || inside
						for _, a := range x.Args {
							walk(a, inside)
						}
						return false
					}
				}
			case *ast.Ident:
				if v, ok := info.Uses[x].(*types.Var); ok && lits[v] != nil {
					bad[v] = true // used as a value: may run anywhere
				}
			}
			return true
		})
	}
	walk(n, false)
	out := make(map[*ast.FuncLit]bool)
	for v, lit := range lits {
		if !bad[v] {
			out[lit] = true
		}
	}
	return out
}

// dynamic reports whether fn is an interface's method: a call of it runs
// whichever implementation the value holds.
func dynamic(fn *types.Func) bool {
	r := fn.Signature().Recv()
	return r != nil && types.IsInterface(r.Type())
}

// RunsArgs returns the indexes of call's arguments that fn runs before it
// returns: its own function-typed parameters it only calls (now), or the
// one a library runs at once (apis.Callbacks: a transaction's
// Transaction(func(tx) error {...}), not a loop's or a goroutine's).
func RunsArgs(info *types.Info, call *ast.CallExpr, fn *types.Func, now map[*types.Func][]int) []int {
	var out []int
	for _, i := range now[fn.Origin()] {
		if i < len(call.Args) {
			out = append(out, i)
		}
	}
	if cb := libraryCallback(info, call); cb != nil && cb.Arg < len(call.Args) {
		out = append(out, cb.Arg)
	}
	return out
}

// libraryCallback returns the entry of apis.Callbacks that runs an
// argument of call once, at once, on the caller's goroutine, or nil.
func libraryCallback(info *types.Info, call *ast.CallExpr) *apis.Callback {
	cb := apis.CallbackOf(info, call)
	if cb == nil || cb.Loop || cb.Concurrent {
		return nil
	}
	return cb
}

// RunNow returns, for the functions of pkgs (and the methods of their
// interfaces, interfaceRunNow), the indexes of the function-typed
// parameters they run before they return (see runNow).
func RunNow(pkgs []*Package) map[*types.Func][]int { return runNow(pkgs) }

// runNow returns, for the functions of pkgs, the indexes of the
// function-typed parameters they run before they return: each use of the
// parameter is a call (or a nil test), outside go statements and outside
// function literals other than one a library runs at once
// (libraryCallback). A function that stores its parameter, hands it on,
// or calls it from a literal it returns or registers may run it later.
func runNow(pkgs []*Package) map[*types.Func][]int {
	out := make(map[*types.Func][]int)
	for _, p := range pkgs {
		for _, f := range nonTest(p) {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				obj, ok := p.Info.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				params := obj.Signature().Params()
				for i := range params.Len() {
					v := params.At(i)
					if _, ok := v.Type().Underlying().(*types.Signature); ok && calledOnly(p.Info, fd.Body, v) {
						out[obj] = append(out[obj], i)
					}
				}
			}
		}
	}
	interfaceRunNow(pkgs, out)
	return out
}

// interfaceRunNow adds to out the methods of the program's interfaces
// whose every implementation among its types runs the same parameter
// before it returns: a store's WithTx(ctx, fn), implemented once per
// database, each beginning a transaction, calling fn and committing.
func interfaceRunNow(pkgs []*Package, out map[*types.Func][]int) {
	var ifaces, concrete []*types.Named
	for _, p := range pkgs {
		c, i := source.NamedTypes(p.Types)
		concrete, ifaces = append(concrete, c...), append(ifaces, i...)
	}
	takesFunc := func(m *types.Func) bool {
		params := m.Signature().Params()
		for i := range params.Len() {
			if _, ok := params.At(i).Type().Underlying().(*types.Signature); ok {
				return true
			}
		}
		return false
	}
	for _, in := range ifaces {
		iface := in.Underlying().(*types.Interface)
		for m := range iface.Methods() {
			if !takesFunc(m) {
				continue // only a function parameter can run
			}
			var common []int
			impls := 0
			for _, named := range concrete {
				var t types.Type = named
				if !types.Implements(t, iface) {
					if t = types.NewPointer(named); !types.Implements(t, iface) {
						continue
					}
				}
				obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
				fn, ok := obj.(*types.Func)
				if !ok {
					continue
				}
				impls++
				now := out[fn.Origin()]
				if impls == 1 {
					common = append([]int(nil), now...)
				} else {
					common = intersect(common, now)
				}
			}
			if impls > 0 && len(common) > 0 {
				out[m] = common
			}
		}
	}
}

// intersect returns the elements of a that b holds too.
func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// calledOnly reports whether body calls v, and uses it in no other way
// than runNow allows.
func calledOnly(info *types.Info, body ast.Node, v *types.Var) bool {
	calls, other := 0, false
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		ast.Inspect(n, func(m ast.Node) bool {
			if other {
				return false
			}
			switch m := m.(type) {
			case *ast.GoStmt, *ast.FuncLit:
				other = source.Mentions(info, m, v)
				return false
			case *ast.BinaryExpr:
				if (m.Op == token.EQL || m.Op == token.NEQ) && (source.IsNil(info, m.X) || source.IsNil(info, m.Y)) {
					return false // if fn == nil
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(m.Fun).(*ast.Ident); ok && info.Uses[id] == v {
					calls++
					for _, a := range m.Args {
						walk(a)
					}
					return false
				}
				if cb := libraryCallback(info, m); cb != nil && cb.Arg < len(m.Args) {
					if lit, ok := ast.Unparen(m.Args[cb.Arg]).(*ast.FuncLit); ok {
						walk(m.Fun)
						for j, a := range m.Args {
							if j == cb.Arg {
								walk(lit.Body)
							} else {
								walk(a)
							}
						}
						return false
					}
				}
			case *ast.Ident:
				if info.Uses[m] == v {
					other = true
				}
			}
			return true
		})
	}
	walk(body)
	return calls > 0 && !other
}
