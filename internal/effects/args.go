package effects

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
)

// argValues describes call's arguments for nd.
func (s *state) argValues(nd *node, call *ast.CallExpr) []argValue {
	out := make([]argValue, len(call.Args))
	for i, a := range call.Args {
		out[i] = argValue{param: -1}
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			if v, ok := s.pass.TypesInfo.Uses[id].(*types.Var); ok {
				out[i].param = paramIndex(nd, v)
			}
		}
		if text, ok := s.stringValue(nd, a, 0); ok {
			out[i].text, out[i].known = text, true
		}
	}
	return out
}

// stringValue resolves e to a string statically: a constant (named,
// concatenated), fmt.Sprintf with a constant format (its verbs stay
// placeholders), or a local variable assigned exactly one such value.
func (s *state) stringValue(nd *node, e ast.Expr, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	info := s.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn, _ := apis.Callee(info, e); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(e.Args) > 0 {
			return s.stringValue(nd, e.Args[0], depth+1)
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == s.pass.Pkg.Scope() || paramIndex(nd, v) >= 0 {
			return "", false
		}
		body := s.bodyOf(nd)
		vals := s.assigned(body, v)
		if len(vals) != 1 || vals[0].Index != 0 || s.appendedTo(body, v) {
			return "", false
		}
		return s.stringValue(nd, vals[0].Expr, depth+1)
	}
	return "", false
}

// appendedTo reports whether v is extended with += in body (a query
// built up conditionally).
func (s *state) appendedTo(body ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok.String() == "+=" {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && s.pass.TypesInfo.Uses[id] == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// bodyOf returns nd's body.
func (s *state) bodyOf(nd *node) ast.Node { return nd.body }

// sqlArg returns the index of the SQL text parameter of fn: its first
// string parameter.
func sqlArg(fn *types.Func) int {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if b, ok := params.At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			return i
		}
	}
	return -1
}
