package effects

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// Guard is the simple condition an effect sits under in its function: one
// or two tests of parameters against constants, all of which must hold
// (the inner one from a callee, the outer one from the call's own
// branch). The zero Guard is no condition.
//
// A helper that lists every workspace only when its owner argument is
// empty has the guard {owner, ""} on that work; a caller that always
// passes a constant owner never runs it, and the effect does not reach
// that caller. A caller that passes its own parameter hands the guard
// on; any other argument drops that test (the work may happen).
type Guard struct {
	Cond
	// Also is a second test, or zero.
	Also Cond
}

// Cond is one test: parameter number Param-1 equals the constant Value
// (its exact Go text: "\"\"" for the empty string, as a test of
// emptiness; "true" for if retry { ... }; "nil" for a pointer, slice, map,
// interface, func or channel compared with nil), or, with Value noArgs, that
// the variadic parameter Param-1 was given no arguments. The zero Cond is
// no test.
//
// Field, when set, names a field of that parameter, a struct or a pointer
// to one, which the test reads instead (if !opts.SkipProbe { ... }): a
// caller passing a keyed literal (Options{SkipProbe: true}) rules the
// work out as a constant argument does; a field the literal leaves out
// holds its zero value.
//
// Not turns the test around: the parameter (or field) differs from Value.
// Work after if p == nil { return } runs under {p, nil, Not}: a caller
// passing nil, or a keyed literal that leaves the field out, never runs
// it.
type Cond struct {
	Param int
	Field string
	Value string
	Not   bool
}

// IsZero reports whether g is no condition.
func (g Guard) IsZero() bool { return g.Cond.Param == 0 && g.Also.Param == 0 }

// and returns g with c added, when there is room for it.
func (g Guard) and(c Cond) Guard {
	switch {
	case c.Param == 0 || c == g.Cond || c == g.Also:
	case g.Cond.Param == 0:
		g.Cond = c
	case g.Also.Param == 0:
		g.Also = c
	}
	return g
}

// andAll returns g with cs added, as room allows.
func (g Guard) andAll(cs []Cond) Guard {
	for _, c := range cs {
		g = g.and(c)
	}
	return g
}

// andGuard returns g with the tests of o added, as room allows.
func (g Guard) andGuard(o Guard) Guard { return g.and(o.Cond).and(o.Also) }

// through returns the guard of an effect seen at a call whose arguments
// are args, and whether the effect can happen there at all: a constant
// argument that differs from a test's value rules it out.
func (g Guard) through(args []argValue) (Guard, bool) {
	var out Guard
	for _, c := range []Cond{g.Cond, g.Also} {
		if c.Param == 0 {
			continue
		}
		next, possible := c.through(args)
		if !possible {
			return Guard{}, false
		}
		out = out.and(next)
	}
	return out, true
}

// noArgs is the Value of a test that a variadic parameter was given no
// arguments: len(conds) == 0, or conds == nil.
const noArgs = "len 0"

// through is Guard.through for one test.
func (c Cond) through(args []argValue) (Cond, bool) {
	i := c.Param - 1
	if c.Value == noArgs {
		switch {
		case i >= len(args):
			return Cond{}, true // f(x): none given
		case !args[i].spread:
			return Cond{}, false // f(x, a): some given
		case args[i].param >= 0 && args[i].variadic:
			return Cond{Param: args[i].param + 1, Value: noArgs}, true // f(x, conds...)
		}
		return Cond{}, true
	}
	if i >= len(args) {
		return Cond{}, true
	}
	a := args[i]
	holds := func(v string) bool { return (v == c.Value) != c.Not }
	if c.Field != "" {
		switch {
		case a.fields != nil:
			v, known := a.fields.value(c.Field)
			return Cond{}, !known || holds(v)
		case a.param >= 0:
			return Cond{Param: a.param + 1, Field: c.Field, Value: c.Value, Not: c.Not}, true
		}
		return Cond{}, true
	}
	switch {
	case a.isConst:
		return Cond{}, holds(a.constVal)
	case a.param >= 0:
		return Cond{Param: a.param + 1, Value: c.Value, Not: c.Not}, true
	case a.fieldParam > 0:
		// f(req.ReplyID): the test reads that field of the caller's own
		// parameter.
		return Cond{Param: a.fieldParam, Field: a.field, Value: c.Value, Not: c.Not}, true
	}
	return Cond{}, true
}

// not returns the test turned around.
func (c Cond) not() Cond {
	c.Not = !c.Not
	return c
}

// literalFields is a keyed struct literal passed as an argument, read
// only when a guard on one of its fields is checked (value): most calls
// pass no such literal to a guarded parameter.
type literalFields struct {
	lit  *ast.CompositeLit
	st   *types.Struct
	info *types.Info
}

// value returns the exact Go text of field name, and whether it is known:
// a constant the literal sets, or the zero value of a field of basic type
// it leaves out.
func (f *literalFields) value(name string) (string, bool) {
	if v := source.KeyedField(f.lit, name); v != nil {
		if f.info.Types[v].IsNil() {
			return "nil", true
		}
		return constText(f.info, v)
	}
	for i := 0; i < f.st.NumFields(); i++ {
		if fl := f.st.Field(i); fl.Name() == name {
			if b, ok := fl.Type().Underlying().(*types.Basic); ok {
				return zeroText(b), true
			}
			if nilable(fl.Type()) {
				return "nil", true
			}
		}
	}
	return "", false
}

// nilable reports whether nil is a value of t: a pointer, slice, map,
// interface, func or channel.
func nilable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface, *types.Signature, *types.Chan:
		return true
	}
	return false
}

// guards maps the calls of nd's body that run only under a test of one of
// its parameters against a constant (condTests): inside if p == "x" { ... }
// or if retry { ... }, in a case "x": of switch p, or after
// if p != "" { ...; return } in the same block; and, turned around, in the
// else branch or after if p == nil { return } (p is not nil there), or
// inside if p != "x" { ... }; for a boolean, in the else branch of
// if async { ... } or after if async { ...; return } too (async is false
// there). Nested guards are both kept, the outer two when there are more.
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
			if sw, ok := st.(*ast.SwitchStmt); ok && sw.Init == nil && sw.Tag != nil {
				if p, f := s.basicParam(nd, sw.Tag, types.IsConstType); p >= 0 {
					// switch scope { case "all": ... }: a case of one
					// constant runs only when the parameter equals it.
					mark(sw.Tag, g)
					for _, cc := range sw.Body.List {
						clause := cc.(*ast.CaseClause)
						cg := g
						if len(clause.List) == 1 {
							if text, ok := constText(s.pass.TypesInfo, clause.List[0]); ok {
								cg = g.and(Cond{Param: p + 1, Field: f, Value: text})
							}
						}
						for _, e := range clause.List {
							mark(e, g)
						}
						block(clause.Body, cg)
					}
					continue
				}
			}
			ifs, ok := st.(*ast.IfStmt)
			if !ok || ifs.Init != nil {
				mark(st, g)
				continue
			}
			when, unless := s.condTests(nd, ifs.Cond)
			if len(when) == 0 && len(unless) == 0 {
				mark(st, g)
				continue
			}
			mark(ifs.Cond, g)
			block(ifs.Body.List, g.andAll(when))
			// The other branch runs when the test fails: if async {
			// go send() } else { send() }, or the rest of the block after
			// if p == nil { return } or if owner != "" { ...; return }.
			switch {
			case ifs.Else != nil:
				mark(ifs.Else, g.andAll(unless))
			case source.Leaves(ifs.Body):
				block(list[i+1:], g.andAll(unless))
				return
			}
		}
	}
	block(nd.body.List, Guard{})
	return out
}

// constText returns the exact Go text of the constant e is ("\"all\"",
// "2", "true"), and whether e is a known constant.
func constText(info *types.Info, e ast.Expr) (string, bool) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() != constant.Unknown {
		return tv.Value.ExactString(), true
	}
	return "", false
}

// negated returns the guard of the other value of a boolean parameter,
// and whether g tests a boolean.
func (g Cond) negated() (Cond, bool) {
	switch g.Value {
	case "true":
		return Cond{Param: g.Param, Field: g.Field, Value: "false"}, true
	case "false":
		return Cond{Param: g.Param, Field: g.Field, Value: "true"}, true
	}
	return Cond{}, false
}

// condTests returns the tests of nd's parameters that hold when cond is
// true (when) and when it is false (unless): for one test (paramTest), it
// and its opposite; for a && b, what each holds when true; for a || b,
// what each holds when false. A part it does not recognise adds nothing,
// which leaves the work possible.
func (s *state) condTests(nd *node, cond ast.Expr) (when, unless []Cond) {
	return s.condTestsDepth(nd, cond, 0)
}

func (s *state) condTestsDepth(nd *node, cond ast.Expr, depth int) (when, unless []Cond) {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if c.Op == token.LAND || c.Op == token.LOR {
			xw, xu := s.condTestsDepth(nd, c.X, depth)
			yw, yu := s.condTestsDepth(nd, c.Y, depth)
			if c.Op == token.LAND {
				return append(xw, yw...), nil
			}
			return nil, append(xu, yu...)
		}
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			w, u := s.condTestsDepth(nd, c.X, depth)
			return u, w
		}
	case *ast.CallExpr:
		return s.predicateTests(nd, c, depth)
	}
	test, eq, ok := s.paramTest(nd, cond)
	if !ok {
		return nil, nil
	}
	opposite, isBool := test.negated()
	if !isBool {
		opposite = test.not()
	}
	if eq {
		return []Cond{test}, []Cond{opposite}
	}
	return []Cond{opposite}, []Cond{test}
}

// predicateTests is condTests for a call of a predicate of this package
// whose body is one return of a condition (func useRecipient(kind string)
// bool { return kind == "status" || kind == "hot" }): its tests, of the
// predicate's parameters, become tests of the arguments that are nd's own
// parameters (or fields of them); the others are dropped.
func (s *state) predicateTests(nd *node, call *ast.CallExpr, depth int) (when, unless []Cond) {
	fn, _ := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil || depth > 2 || call.Ellipsis.IsValid() {
		return nil, nil
	}
	pn := s.funcs[fn]
	if pn == nil || pn.body == nil || len(pn.body.List) != 1 {
		return nil, nil
	}
	ret, ok := pn.body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, nil
	}
	w, u := s.condTestsDepth(pn, ret.Results[0], depth+1)
	args := s.argValues(nd, call)
	mapped := func(cs []Cond) []Cond {
		var out []Cond
		for _, c := range cs {
			i := c.Param - 1
			if c.Value == noArgs || i < 0 || i >= len(args) || fn.Signature().Variadic() && i >= fn.Signature().Params().Len()-1 {
				continue
			}
			a := args[i]
			switch {
			case a.param >= 0:
				out = append(out, Cond{Param: a.param + 1, Field: c.Field, Value: c.Value, Not: c.Not})
			case a.fieldParam > 0 && c.Field == "":
				out = append(out, Cond{Param: a.fieldParam, Field: a.field, Value: c.Value, Not: c.Not})
			}
		}
		return out
	}
	return mapped(w), mapped(u)
}

// paramTest recognises p == c and p != c for a parameter p of nd of a
// basic type and a constant c, len(p) == 0 and len(p) != 0 for a string
// parameter, and p and !p for a boolean one, returning the guard "p
// equals c" and whether the test is == (true) or != (false).
func (s *state) paramTest(nd *node, cond ast.Expr) (Cond, bool, bool) {
	info := s.pass.TypesInfo
	switch c := ast.Unparen(cond).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if p, f := s.basicParam(nd, c, types.IsBoolean); p >= 0 {
			return Cond{Param: p + 1, Field: f, Value: "true"}, true, true
		}
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			if p, f := s.basicParam(nd, c.X, types.IsBoolean); p >= 0 {
				return Cond{Param: p + 1, Field: f, Value: "false"}, true, true
			}
		}
	}
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
		return Cond{}, false, false
	}
	side := func(x, y ast.Expr) (Cond, bool) {
		tv, ok := info.Types[y]
		if !ok || tv.Value == nil {
			return Cond{}, false
		}
		if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
			// len(p) == 0
			if source.BuiltinName(info, call) == "len" && tv.Value.Kind() == constant.Int {
				if n, exact := constant.Int64Val(tv.Value); exact && n == 0 {
					if p := s.variadicParam(nd, call.Args[0]); p >= 0 {
						return Cond{Param: p + 1, Value: noArgs}, true
					}
					if p, f := s.basicParam(nd, call.Args[0], types.IsString); p >= 0 {
						return Cond{Param: p + 1, Field: f, Value: `""`}, true
					}
				}
			}
			return Cond{}, false
		}
		if tv.Value.Kind() == constant.Unknown {
			return Cond{}, false
		}
		if p, f := s.basicParam(nd, x, types.IsConstType); p >= 0 {
			return Cond{Param: p + 1, Field: f, Value: tv.Value.ExactString()}, true
		}
		return Cond{}, false
	}
	if p := s.variadicParam(nd, be.X); p >= 0 && info.Types[be.Y].IsNil() {
		return Cond{Param: p + 1, Value: noArgs}, be.Op == token.EQL, true // conds == nil
	}
	if x := be.X; info.Types[be.Y].IsNil() || info.Types[be.X].IsNil() {
		if info.Types[x].IsNil() {
			x = be.Y
		}
		if p, f := s.paramOf(nd, x, nilable); p >= 0 {
			return Cond{Param: p + 1, Field: f, Value: "nil"}, be.Op == token.EQL, true // p == nil
		}
		return Cond{}, false, false
	}
	g, ok := side(be.X, be.Y)
	if !ok {
		g, ok = side(be.Y, be.X)
	}
	return g, be.Op == token.EQL, ok
}

// basicParam returns the index of the parameter of nd that e names when
// its type is a basic type with info, or -1; or, for p.F where p is a
// parameter of struct or pointer-to-struct type and F a field of such a
// basic type, the index of p and F's name.
func (s *state) basicParam(nd *node, e ast.Expr, info types.BasicInfo) (int, string) {
	return s.paramOf(nd, e, func(t types.Type) bool {
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Info()&info != 0
	})
}

// paramOf is basicParam for the types basic accepts.
func (s *state) paramOf(nd *node, e ast.Expr, basic func(types.Type) bool) (int, string) {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		f, ok := s.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
		if !ok || !f.IsField() || !basic(f.Type()) {
			return -1, ""
		}
		if sl := s.pass.TypesInfo.Selections[sel]; sl == nil || len(sl.Index()) != 1 {
			return -1, "" // a promoted field: keep to the literal's own fields
		}
		v := s.varNamed(sel.X)
		if v == nil || !isStruct(v.Type()) {
			return -1, ""
		}
		return paramIndex(nd, v), f.Name()
	}
	v := s.varNamed(e)
	if v == nil || !basic(v.Type()) {
		return -1, ""
	}
	return paramIndex(nd, v), ""
}

// variadicParam returns the index of nd's variadic parameter when e names
// it, or -1.
func (s *state) variadicParam(nd *node, e ast.Expr) int {
	v := s.varNamed(e)
	if v == nil || nd.fn == nil || !nd.fn.Signature().Variadic() {
		return -1
	}
	if i := paramIndex(nd, v); i >= 0 && i == nd.fn.Signature().Params().Len()-1 {
		return i
	}
	return -1
}

// isStruct reports whether t is a struct or a pointer to one.
func isStruct(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// keyedLiteral returns the fields of e when it is a keyed struct literal
// (T{F: true} or &T{F: true}), or a local variable of body that is one
// and that nothing else uses (req := Req{Alias: a, IncludeAppservices:
// false}; api.Lookup(ctx, &req, &res)), or nil.
func (s *state) keyedLiteral(body ast.Node, e ast.Expr) *literalFields {
	lit := source.Literal(e)
	if lit == nil {
		lit = s.soleLiteral(body, e)
	}
	if lit == nil {
		return nil
	}
	info := s.pass.TypesInfo
	st, ok := info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok || (len(lit.Elts) > 0 && !isKeyed(lit)) {
		return nil
	}
	return &literalFields{lit: lit, st: st, info: info}
}

// soleLiteral returns the composite literal that e, a local variable of
// body (or its address), was defined with, when body uses the variable
// nowhere but in e: nothing can have changed its fields.
func (s *state) soleLiteral(body ast.Node, e ast.Expr) *ast.CompositeLit {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || body == nil {
		return nil
	}
	info := s.pass.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil
	}
	vals := source.AssignedValues(info, body, v)
	if len(vals) != 1 {
		return nil
	}
	lit, ok := ast.Unparen(vals[0].Expr).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	uses := 0
	ast.Inspect(body, func(n ast.Node) bool {
		if x, ok := n.(*ast.Ident); ok && info.Uses[x] == v {
			uses++
		}
		return true
	})
	if uses != 1 {
		return nil
	}
	return lit
}

// isKeyed reports whether lit's elements are all key: value pairs.
func isKeyed(lit *ast.CompositeLit) bool {
	for _, el := range lit.Elts {
		if _, ok := el.(*ast.KeyValueExpr); !ok {
			return false
		}
	}
	return true
}

// zeroText is the exact Go text of the zero value of b, as
// constant.Value.ExactString writes it.
func zeroText(b *types.Basic) string {
	switch {
	case b.Info()&types.IsBoolean != 0:
		return "false"
	case b.Info()&types.IsString != 0:
		return `""`
	}
	return "0"
}
