package blocking

import (
	"go/ast"
	"go/constant"
	"net/http"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/apilint/apilint/internal/source"
)

// rejects reports whether the statement at, in a handler's body, is
// followed in its block by a response that turns the request away: a call
// given the constant status 401, 403 or 429 (http.Error(w, msg, 401),
// c.AbortWithStatus(http.StatusForbidden)). A sleep there slows down
// whoever keeps failing (a brute-force tarpit after wrong credentials),
// on purpose; the users the service serves never wait on it.
func rejects(pass *analysis.Pass, body ast.Node, at ast.Node) bool {
	if body == nil || at == nil {
		return false
	}
	file := source.FileOf(pass, body.Pos())
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, at.Pos(), at.End())
	for i, n := range path {
		block, ok := n.(*ast.BlockStmt)
		if !ok || i == 0 {
			continue
		}
		stmt := path[i-1]
		after := false
		found := false
		for _, st := range block.List {
			if st == stmt {
				after = true
				continue
			}
			if after {
				found = found || rejectsIn(pass, st)
			}
		}
		return found
	}
	return false
}

// rejectsIn reports whether st calls something with a constant status
// that turns the request away.
func rejectsIn(pass *analysis.Pass, st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false // runs later, if at all
		}
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		for _, a := range call.Args {
			tv, ok := pass.TypesInfo.Types[a]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
				continue
			}
			if v, ok := constant.Int64Val(tv.Value); ok && (v == http.StatusUnauthorized || v == http.StatusForbidden || v == http.StatusTooManyRequests) {
				found = true
			}
		}
		return !found
	})
	return found
}
