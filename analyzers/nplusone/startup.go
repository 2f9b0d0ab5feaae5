package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// startUpFuncs returns the functions of a main package that run only at
// start-up, once per process: main and init, and the functions that only
// they (or other such functions) call, by name, outside any function
// literal and go statement. A round trip per element there costs once per
// start, over the configuration or a table read once, not per request or
// per job. A function also referenced as a value (a handler, a callback,
// a goroutine's body) may run at any time, and is not one of them.
func startUpFuncs(pass *analysis.Pass) map[*types.Func]bool {
	if pass.Pkg.Name() != "main" {
		return nil
	}
	callers := make(map[*types.Func][]*types.Func) // callee -> its start-up candidate callers
	direct := make(map[*ast.Ident]bool)            // uses that are plain calls
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil {
				continue
			}
			caller, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if caller == nil {
				continue
			}
			periodic := source.Repeating(pass.TypesInfo, fd.Body)
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
					return false // runs later, or elsewhere: its uses stay values
				case *ast.CallExpr:
					if source.Within(periodic, n) {
						return true // called again and again: not once per start
					}
					id, ok := ast.Unparen(n.Fun).(*ast.Ident)
					if !ok {
						return true
					}
					if callee, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && callee.Pkg() == pass.Pkg {
						direct[id] = true
						callers[callee] = append(callers[callee], caller)
					}
				}
				return true
			})
		}
	}
	// A function used in any other way (as a value, in a literal, in a
	// go statement, by a package-level initialiser) is not start-up code.
	escapes := make(map[*types.Func]bool)
	for id, obj := range pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == pass.Pkg && !direct[id] {
			escapes[fn] = true
		}
	}
	startUp := make(map[*types.Func]bool)
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && (fd.Name.Name == "main" || fd.Name.Name == "init") {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					startUp[fn] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for callee, cs := range callers {
			if startUp[callee] || escapes[callee] {
				continue
			}
			all := true
			for _, c := range cs {
				all = all && startUp[c]
			}
			if all {
				startUp[callee] = true
				changed = true
			}
		}
	}
	return startUp
}

// onTimer reports whether body loops on a timer: a for whose select waits
// on time.After, time.Tick, or a Ticker's or Timer's channel.
func onTimer(info *types.Info, body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if n.Comm != nil && timerChannel(info, n.Comm) {
				found = true
			}
		}
		return !found
	})
	return found
}

// timerChannel reports whether comm, a select case, receives from a timer:
// <-time.After(d), <-time.Tick(d), <-ticker.C.
func timerChannel(info *types.Info, comm ast.Stmt) bool {
	var recv ast.Expr
	switch c := comm.(type) {
	case *ast.ExprStmt:
		recv = c.X
	case *ast.AssignStmt:
		if len(c.Rhs) == 1 {
			recv = c.Rhs[0]
		}
	}
	u, ok := ast.Unparen(recv).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	switch x := ast.Unparen(u.X).(type) {
	case *ast.CallExpr:
		fn, _ := apis.Callee(info, x)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && (fn.Name() == "After" || fn.Name() == "Tick")
	case *ast.SelectorExpr:
		if x.Sel.Name != "C" {
			return false
		}
		t := apis.Deref(info.TypeOf(x.X))
		named, ok := t.(*types.Named)
		return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "time" &&
			(named.Obj().Name() == "Ticker" || named.Obj().Name() == "Timer")
	}
	return false
}
