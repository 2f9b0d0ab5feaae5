package effects

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/source"
)

// Guard is the simple condition an effect sits under in its function: it
// happens only when parameter number Param-1 equals the constant Value
// (its exact Go text: "\"\"" for the empty string, as a test of emptiness;
// "true" for if retry { ... }). The zero Guard is no condition.
//
// A helper that lists every workspace only when its owner argument is
// empty has the guard {owner, ""} on that work; a caller that always
// passes a constant owner never runs it, and the effect does not reach
// that caller. A caller that passes its own parameter hands the guard
// on; any other argument drops it (the work may happen).
type Guard struct {
	Param int
	Value string
}

// IsZero reports whether g is no condition.
func (g Guard) IsZero() bool { return g.Param == 0 }

// through returns the guard of an effect seen at a call whose arguments
// are args, and whether the effect can happen there at all: a constant
// argument that differs from the guard's value rules it out.
func (g Guard) through(args []argValue) (Guard, bool) {
	if g.IsZero() {
		return g, true
	}
	i := g.Param - 1
	if i >= len(args) {
		return Guard{}, true
	}
	switch a := args[i]; {
	case a.isConst:
		return Guard{}, a.constVal == g.Value
	case a.param >= 0:
		return Guard{Param: a.param + 1, Value: g.Value}, true
	}
	return Guard{}, true
}

// guards maps the calls of nd's body that run only under a test of one of
// its parameters against a constant: inside if p == "x" { ... } or
// if retry { ... }, or after if p != "" { ...; return } in the same block;
// for a boolean, in the else branch of if async { ... } or after
// if async { ...; return } too (async is false there).
// Nested guards keep the outermost (either is a condition of the call).
func (s *state) guards(nd *node) map[*ast.CallExpr]Guard {
	if nd.body == nil {
		return nil
	}
	var out map[*ast.CallExpr]Guard
	var mark func(n ast.Node, g Guard)
	var block func(list []ast.Stmt, g Guard)
	mark = func(n ast.Node, g Guard) {
		ast.Inspect(n, func(c ast.Node) bool {
			switch c := c.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BlockStmt:
				if c != n {
					block(c.List, g)
					return false
				}
			case *ast.CallExpr:
				if !g.IsZero() {
					if out == nil {
						out = make(map[*ast.CallExpr]Guard)
					}
					out[c] = g
				}
			}
			return true
		})
	}
	block = func(list []ast.Stmt, g Guard) {
		for i, st := range list {
			ifs, ok := st.(*ast.IfStmt)
			if !ok || ifs.Init != nil {
				mark(st, g)
				continue
			}
			test, eq, ok := s.paramTest(nd, ifs.Cond)
			if !ok {
				mark(st, g)
				continue
			}
			mark(ifs.Cond, g)
			switch {
			case eq:
				inner := g
				if inner.IsZero() {
					inner = test
				}
				block(ifs.Body.List, inner)
				// A boolean's other branch runs under the other value:
				// if async { go send() } else { send() }, or the rest of
				// the block after if async { go send(); return }.
				other, isBool := test.negated()
				if !g.IsZero() || !isBool {
					other = g
				}
				switch {
				case ifs.Else != nil:
					mark(ifs.Else, other)
				case isBool && source.Leaves(ifs.Body):
					block(list[i+1:], other)
					return
				}
			case ifs.Else == nil && source.Leaves(ifs.Body):
				mark(ifs.Body, g)
				rest := g
				if rest.IsZero() {
					rest = test
				}
				block(list[i+1:], rest)
				return
			default:
				mark(ifs.Body, g)
				if ifs.Else != nil {
					mark(ifs.Else, g)
				}
			}
		}
	}
	block(nd.body.List, Guard{})
	return out
}

// negated returns the guard of the other value of a boolean parameter,
// and whether g tests a boolean.
func (g Guard) negated() (Guard, bool) {
	switch g.Value {
	case "true":
		return Guard{Param: g.Param, Value: "false"}, true
	case "false":
		return Guard{Param: g.Param, Value: "true"}, true
	}
	return Guard{}, false
}

// paramTest recognises p == c and p != c for a parameter p of nd of a
// basic type and a constant c, len(p) == 0 and len(p) != 0 for a string
// parameter, and p and !p for a boolean one, returning the guard "p
// equals c" and whether the test is == (true) or != (false).
func (s *state) paramTest(nd *node, cond ast.Expr) (Guard, bool, bool) {
	info := s.pass.TypesInfo
	switch c := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if p := s.basicParam(nd, c, types.IsBoolean); p >= 0 {
			return Guard{Param: p + 1, Value: "true"}, true, true
		}
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			if p := s.basicParam(nd, c.X, types.IsBoolean); p >= 0 {
				return Guard{Param: p + 1, Value: "false"}, true, true
			}
		}
	}
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
		return Guard{}, false, false
	}
	side := func(x, y ast.Expr) (Guard, bool) {
		tv, ok := info.Types[y]
		if !ok || tv.Value == nil {
			return Guard{}, false
		}
		if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
			// len(p) == 0
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin && tv.Value.Kind() == constant.Int {
					if n, exact := constant.Int64Val(tv.Value); exact && n == 0 {
						if p := s.basicParam(nd, call.Args[0], types.IsString); p >= 0 {
							return Guard{Param: p + 1, Value: `""`}, true
						}
					}
				}
			}
			return Guard{}, false
		}
		if tv.Value.Kind() == constant.Unknown {
			return Guard{}, false
		}
		if p := s.basicParam(nd, x, types.IsConstType); p >= 0 {
			return Guard{Param: p + 1, Value: tv.Value.ExactString()}, true
		}
		return Guard{}, false
	}
	g, ok := side(be.X, be.Y)
	if !ok {
		g, ok = side(be.Y, be.X)
	}
	return g, be.Op == token.EQL, ok
}

// basicParam returns the index of the parameter of nd that e names when
// its type is a basic type with info, or -1.
func (s *state) basicParam(nd *node, e ast.Expr, info types.BasicInfo) int {
	v := s.varNamed(e)
	if v == nil {
		return -1
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&info == 0 {
		return -1
	}
	return paramIndex(nd, v)
}
