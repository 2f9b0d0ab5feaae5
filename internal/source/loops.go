package source

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
)

// MaxRetries is the largest constant bound of a loop that is taken for a
// retry loop (when its body can break or return early) rather than a loop
// over data.
const MaxRetries = 10

// Loop describes a for or range statement.
type Loop struct {
	Node ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	Body *ast.BlockStmt
	// Over names what the loop walks, for messages: "orders", "rows".
	Over string
	// PerElement is set for loops that run once per element of a
	// collection, result set or stream. Retry loops (a small constant
	// bound and an early exit), for {} and for cond {} loops (pagination,
	// polling, keyset batches) are not.
	PerElement bool
}

// LoopOf describes n if it is a loop statement.
func LoopOf(info *types.Info, n ast.Node) (Loop, bool) {
	switch n := n.(type) {
	case *ast.RangeStmt:
		l := Loop{Node: n, Body: n.Body, Over: types.ExprString(n.X), PerElement: true}
		if v, ok := smallConstant(info, n.X); ok && v <= MaxRetries && exitsEarly(n.Body) {
			l.PerElement = false
		}
		return l, true
	case *ast.ForStmt:
		l := Loop{Node: n, Body: n.Body}
		switch {
		case n.Cond == nil:
			// for {}: polling, paging until done, a worker's loop.
		case n.Init == nil && n.Post == nil:
			// for cond {}: per element only when the condition steps
			// through rows or a stream.
			if call, ok := ast.Unparen(n.Cond).(*ast.CallExpr); ok && isRowIterator(info, call) {
				l.PerElement = true
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					l.Over = types.ExprString(sel.X)
				}
			}
		default:
			bound := countedBound(n.Cond)
			l.Over = boundName(bound)
			l.PerElement = true
			if v, ok := smallConstant(info, bound); ok && v <= MaxRetries && exitsEarly(n.Body) {
				l.PerElement = false
			}
		}
		return l, true
	}
	return Loop{}, false
}

func isRowIterator(info *types.Info, call *ast.CallExpr) bool {
	fn, recv := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	pkg, r, name := apis.FuncKey(fn)
	if recv != nil {
		if p, rr := apis.NamedOf(apis.Deref(recv)); rr != "" && apis.IsRowIterator(p, rr, name) {
			return true
		}
	}
	return apis.IsRowIterator(pkg, r, name)
}

// countedBound returns X of a condition i < X, i <= X, X > i or X >= i.
func countedBound(cond ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch b.Op {
	case token.LSS, token.LEQ:
		return b.Y
	case token.GTR, token.GEQ:
		return b.X
	}
	return nil
}

// boundName names what a counted loop walks: ids for len(ids), else the
// bound itself.
func boundName(bound ast.Expr) string {
	if bound == nil {
		return "the loop"
	}
	if call, ok := ast.Unparen(bound).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" {
			return types.ExprString(call.Args[0])
		}
	}
	return types.ExprString(bound)
}

// smallConstant returns the value of a constant integer expression.
func smallConstant(info *types.Info, e ast.Expr) (int64, bool) {
	if e == nil {
		return 0, false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// exitsEarly reports whether body can leave the loop before the bound:
// a break (not inside a nested loop, switch or select) or a return.
func exitsEarly(body *ast.BlockStmt) bool {
	found := false
	var visit func(n ast.Node, nested bool) bool
	visit = func(n ast.Node, nested bool) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			if n.Tok == token.BREAK && (!nested || n.Label != nil) {
				found = true
			}
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				return visit(m, true)
			})
			return false
		}
		return true
	}
	ast.Inspect(body, func(n ast.Node) bool { return visit(n, false) })
	return found
}
