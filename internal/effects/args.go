package effects

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
	"github.com/apilint/apilint/internal/sqltext"
)

// argValues describes call's arguments for nd.
func (s *state) argValues(nd *node, call *ast.CallExpr) []argValue {
	out := make([]argValue, len(call.Args))
	for i, a := range call.Args {
		out[i] = argValue{param: s.paramNamed(nd, a)}
		if tv, ok := s.pass.TypesInfo.Types[a]; ok && tv.Value != nil && tv.Value.Kind() != constant.Unknown {
			out[i].isConst, out[i].constVal = true, tv.Value.ExactString()
		} else if ok && tv.IsNil() {
			out[i].isConst, out[i].constVal = true, "nil"
		}
		if t, ok := s.text(nd, a, 0); ok {
			out[i].text, out[i].known = t.dflt, true
			out[i].limitIfRequested = t.dflt != t.all && sqltext.Classify(t.all).Limited
		}
		out[i].outbound = s.outboundRequest(nd, a)
		out[i].fields = s.keyedLiteral(nd.body, a)
		if _, isSel := ast.Unparen(a).(*ast.SelectorExpr); isSel {
			if p, f := s.paramOf(nd, a, func(types.Type) bool { return true }); p >= 0 && f != "" {
				out[i].fieldParam, out[i].field = p+1, f
			}
		}
	}
	if n := len(call.Args); n > 0 && call.Ellipsis.IsValid() {
		last := &out[n-1]
		last.spread = true
		last.variadic = last.param >= 0 && s.variadicParam(nd, call.Args[n-1]) >= 0
	}
	return out
}

// outboundRequest reports whether e is an *http.Request that nd built to
// send: a call of http.NewRequest, NewRequestWithContext or
// httptest.NewRequest, or a local variable assigned only such calls.
func (s *state) outboundRequest(nd *node, e ast.Expr) bool {
	info := s.pass.TypesInfo
	if !apis.IsHTTPRequest(info.TypeOf(e)) {
		return false
	}
	built := func(e ast.Expr) bool {
		switch apis.CalledPath(info, e) {
		case "net/http.NewRequest", "net/http.NewRequestWithContext", "net/http/httptest.NewRequest":
			return true
		}
		return false
	}
	if built(e) {
		return true
	}
	v := s.varNamed(e)
	if v == nil || nd.body == nil || paramIndex(nd, v) >= 0 {
		return false
	}
	values := s.assigned(nd.body, v)
	if len(values) == 0 {
		return false
	}
	for _, a := range values {
		if a.Expr == nil || !built(a.Expr) {
			return false
		}
	}
	return true
}

// stringValue resolves e to a string statically (see text), the text on
// the path where no optional clause is added.
func (s *state) stringValue(nd *node, e ast.Expr, depth int) (string, bool) {
	t, ok := s.text(nd, e, depth)
	return t.dflt, ok
}

// assembled is a string built at run time, as far as apilint can tell:
// the text when every optional part is left out (dflt), and with every
// part added (all). Parts it cannot know (a strings.Join of clauses) are
// a "?".
type assembled struct{ dflt, all string }

func (a assembled) plus(b assembled) assembled { return assembled{a.dflt + b.dflt, a.all + b.all} }

// text resolves e statically: a constant (named, concatenated), a
// concatenation, fmt.Sprintf with a constant format (its verbs stay
// placeholders), strings.Join of clauses (a "?"), or a local variable
// assigned one such value and extended with += (an append inside an if,
// a switch or a loop is optional: a LIMIT added only when the request
// asks for one leaves the default query without).
func (s *state) text(nd *node, e ast.Expr, depth int) (assembled, bool) {
	if depth > 4 {
		return assembled{}, false
	}
	info := s.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		v := constant.StringVal(tv.Value)
		return assembled{v, v}, true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return assembled{}, false
		}
		l, ok := s.text(nd, e.X, depth+1)
		if !ok {
			return assembled{}, false
		}
		r, ok := s.text(nd, e.Y, depth+1)
		if !ok {
			return assembled{}, false
		}
		return l.plus(r), true
	case *ast.CallExpr:
		fn, _ := apis.Callee(info, e)
		if fn == nil || fn.Pkg() == nil {
			return assembled{}, false
		}
		switch {
		case fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(e.Args) > 0:
			return s.text(nd, e.Args[0], depth+1)
		case fn.Pkg().Path() == "strings" && fn.Name() == "Join":
			return assembled{" ? ", " ? "}, true // a list of clauses
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == s.pass.Pkg.Scope() || paramIndex(nd, v) >= 0 {
			return assembled{}, false
		}
		body := s.bodyOf(nd)
		apps := s.appends(body, v)
		var vals []source.Assigned
		for _, a := range s.assigned(body, v) {
			if !slices.ContainsFunc(apps, func(app appended) bool { return app.value == a.Expr }) {
				vals = append(vals, a)
			}
		}
		if len(vals) != 1 || vals[0].Index != 0 {
			return assembled{}, false
		}
		out, ok := s.text(nd, vals[0].Expr, depth+1)
		if !ok {
			return assembled{}, false
		}
		for _, app := range apps {
			part, ok := s.text(nd, app.value, depth+1)
			if !ok {
				return assembled{}, false
			}
			if app.optional {
				out.all += part.all
			} else {
				out = out.plus(part)
			}
		}
		return out, true
	}
	return assembled{}, false
}

// appended is one v += value, and whether it sits under a condition or
// in a loop of the body.
type appended struct {
	value    ast.Expr
	optional bool
}

// appends returns the += extensions of v in body, in source order.
func (s *state) appends(body ast.Node, v *types.Var) []appended {
	var out []appended
	var visit func(n ast.Node, optional bool)
	visit = func(n ast.Node, optional bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			switch c := c.(type) {
			case nil:
				return false
			case *ast.FuncLit:
				return false
			case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt:
				if c != n {
					visit(c, true)
					return false
				}
			case *ast.AssignStmt:
				if c.Tok == token.ADD_ASSIGN && len(c.Lhs) == 1 && len(c.Rhs) == 1 {
					if id, ok := c.Lhs[0].(*ast.Ident); ok && s.pass.TypesInfo.Uses[id] == v {
						out = append(out, appended{c.Rhs[0], optional})
					}
				}
			}
			return true
		})
	}
	visit(body, false)
	return out
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
