package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/reach"
)

// startUpFuncs returns the functions of a main package that run only at
// start-up, once per process (reach.StartUp, on the package alone): main
// and init, the commands a command-line framework runs, and the functions
// that only those call, by name, outside any function literal and go
// statement. A round trip per element there costs once per start, over
// the configuration or a table read once, not per request or per job. A
// function also referenced as a value (a handler, a callback, a
// goroutine's body) may run at any time, and is not one of them.
func startUpFuncs(pass *analysis.Pass) map[*types.Func]bool {
	if pass.Pkg.Name() != "main" {
		return nil
	}
	p := &reach.Package{Fset: pass.Fset, Types: pass.Pkg, Info: pass.TypesInfo, Files: pass.Files}
	return reach.StartUp([]*reach.Package{p}, &reach.Program{Interfaces: reach.Interfaces(pass.Pkg)})
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
