package source

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
)

// TestsFailure reports whether cond tests that something failed: an
// error compared with nil (err != nil), or errors.Is / errors.As.
func TestsFailure(info *types.Info, cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.NEQ && IsNil(info, n.Y) && IsError(info.TypeOf(n.X)) {
				found = true
			}
		case *ast.CallExpr:
			if fn, _ := apis.Callee(info, n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && (fn.Name() == "Is" || fn.Name() == "As") {
				found = true
			}
		}
		return !found
	})
	return found
}

// FailureBlocks returns the bodies of the if statements of body, outside
// function literals, that run only when something failed (TestsFailure).
func FailureBlocks(info *types.Info, body ast.Node) []*ast.BlockStmt {
	var out []*ast.BlockStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if TestsFailure(info, n.Cond) {
				out = append(out, n.Body)
			}
		}
		return true
	})
	return out
}
