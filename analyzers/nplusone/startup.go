package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
)

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
