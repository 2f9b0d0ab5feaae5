package effects

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// Upgraded reports whether pos, in fn (a handler's declaration or
// literal), runs on a connection the handler has taken over: fn is handed
// an upgraded connection (apis.HoldsUpgradedConn: a WebSocket hub calls
// it after the upgrade), or an upgrade (apis.Upgrades) in its body ends
// before pos. The server no longer reads that connection, so the
// request's context does not end when the client goes away: passing it
// on bounds nothing.
func Upgraded(info *types.Info, fn ast.Node, pos token.Pos) bool {
	for _, p := range source.Params(info, fn) {
		if apis.HoldsUpgradedConn(p.Type()) {
			return true
		}
	}
	found := false
	ast.Inspect(source.Body(fn), func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		if call.End() > pos {
			return true
		}
		if callee, recv := apis.Callee(info, call); callee != nil {
			pkg, r, name := apis.CallKey(callee, recv)
			found = apis.IsUpgrade(pkg, r, name)
		}
		return !found
	})
	return found
}
