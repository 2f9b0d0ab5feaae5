package effects

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
	"github.com/apilint/apilint/internal/sqltext"
)

// unboundedSQL returns the UnboundedRead effect of running text with
// the library call at the end of chain, if text reads every row.
func unboundedSQL(text string, chain []string, site string) (Effect, bool) {
	if !sqltext.Classify(text).Unbounded() {
		return Effect{}, false
	}
	return Effect{Kind: UnboundedRead, Chain: chain, Site: site, Detail: snippet(text)}, true
}

// snippet shortens SQL for messages.
func snippet(sql string) string {
	sql = strings.Join(strings.Fields(sql), " ")
	if len(sql) > 80 {
		sql = sql[:77] + "..."
	}
	return sql
}

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
		vals := source.AssignedValues(info, body, v)
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

// bounds records what a many-row read entry says about row limits: an
// unbounded read (an effect), or which of nd's parameters are the SQL
// text or the limit.
func (s *state) bounds(nd *node, call *ast.CallExpr, fn *types.Func, entry *apis.Call, args []argValue) ([]target, []int) {
	name := apis.FuncName(fn)
	site := s.site(call.Pos())
	unbounded := func(detail string) []target {
		return []target{{effect: &Effect{Kind: UnboundedRead, Chain: []string{name}, Site: site, Detail: detail}}}
	}
	switch apis.BoundOf(entry) {
	case apis.BoundSQL:
		i := sqlArg(fn)
		if i < 0 || i >= len(args) {
			return nil, nil
		}
		a := args[i]
		switch {
		case a.known:
			var limitArgs []int
			shape := sqltext.Classify(a.text)
			if shape.LimitParam > 0 {
				if j := i + shape.LimitParam; j < len(args) {
					limitArgs = append(limitArgs, j)
					if args[j].param >= 0 {
						nd.limitParams = append(nd.limitParams, args[j].param)
					}
				}
			}
			if e, ok := unboundedSQL(a.text, []string{name}, site); ok {
				return []target{{effect: &e}}, limitArgs
			}
			return nil, limitArgs
		case a.param >= 0:
			// Decided by the callers (see sqlKinds and flow).
		default:
			// SQL built by a query builder: sql, args, err := qb.ToSql()
			if builder := s.toSQLBuilder(nd, call.Args[i]); builder != nil {
				if limited, known := s.chainLimited(nd, builder, 0); known && !limited {
					return unbounded("built with no Limit"), nil
				}
			}
		}
	case apis.BoundChain:
		if !s.manyDestination(call, entry) {
			return nil, nil
		}
		if limited, known := s.chainLimited(nd, call.Fun, 0); known && !limited {
			return unbounded("no Limit in the query chain"), nil
		}
	case apis.BoundOption:
		for _, a := range call.Args[min(2, len(call.Args)):] {
			if limited, _ := s.chainLimited(nd, a, 0); limited {
				return nil, nil
			}
		}
		return unbounded("no options.Find().SetLimit"), nil
	}
	return nil, nil
}

// toSQLBuilder returns the query builder whose ToSql produced the local
// variable e, if it did: query, args, err := qb.ToSql().
func (s *state) toSQLBuilder(nd *node, e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := s.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	vals := source.AssignedValues(s.pass.TypesInfo, nd.body, v)
	if len(vals) != 1 {
		return nil
	}
	call, ok := ast.Unparen(vals[0].Expr).(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "ToSql" {
		return nil
	}
	if fn, _ := apis.Callee(s.pass.TypesInfo, call); fn == nil || fn.Pkg() == nil || !apis.IsLimitReceiver(fn.Pkg().Path()) {
		return nil
	}
	return sel.X
}

// manyDestination reports whether a builder read fills a slice: gorm's
// Find(&users) rather than Find(&user); ent's All always does.
func (s *state) manyDestination(call *ast.CallExpr, entry *apis.Call) bool {
	if apis.ReturnsRows(entry) {
		return true
	}
	isSlice := func(e ast.Expr) bool {
		t := s.pass.TypesInfo.TypeOf(e)
		if t == nil {
			return false
		}
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array:
			return true
		}
		return false
	}
	// The destination is an argument of this call or of a Model call in
	// the chain.
	for e := ast.Expr(call); e != nil; {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			break
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		if c == call || sel.Sel.Name == "Model" {
			for _, a := range c.Args {
				if isSlice(a) {
					return true
				}
			}
		}
		e = sel.X
	}
	return false
}

// chainLimited walks the method chain (and, through local variables,
// the chains they were built from) looking for a limiting call. known is
// false when the chain starts somewhere apilint cannot see (a parameter,
// a field): then it does not claim the read is unbounded.
func (s *state) chainLimited(nd *node, e ast.Expr, depth int) (limited, known bool) {
	if depth > 6 {
		return false, false
	}
	info := s.pass.TypesInfo
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				if slices.Contains(apis.LimitMethods, sel.Sel.Name) {
					if len(x.Args) == 1 {
						if id, ok := ast.Unparen(x.Args[0]).(*ast.Ident); ok {
							if v, ok := info.Uses[id].(*types.Var); ok && paramIndex(nd, v) >= 0 {
								nd.limitParams = append(nd.limitParams, paramIndex(nd, v))
							}
						}
					}
					return true, true
				}
				e = sel.X
				continue
			}
			if _, ok := x.Fun.(*ast.Ident); ok {
				return false, true // a constructor: options.Find(), db.NewSelect()
			}
			return false, false
		case *ast.SelectorExpr:
			// A method value's receiver, or a field: a field holding a
			// shared handle (s.db) is the chain's start.
			if _, ok := info.Uses[x.Sel].(*types.Var); ok {
				return false, true
			}
			e = x.X
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok {
				return false, true // a package, a function
			}
			if paramIndex(nd, v) >= 0 {
				return false, false // the caller built it
			}
			if v.Parent() == s.pass.Pkg.Scope() {
				return false, true // a package-level handle
			}
			vals := source.AssignedValues(info, s.bodyOf(nd), v)
			if len(vals) == 0 {
				return false, false
			}
			for _, a := range vals {
				l, k := s.chainLimited(nd, a.Expr, depth+1)
				if l || !k {
					return l, k
				}
			}
			// The variable may be limited by a later statement
			// (q = q.Limit(n)): that is one of its assigned values, seen above.
			return false, true
		case *ast.UnaryExpr:
			e = x.X
		default:
			return false, false
		}
	}
}

// requestReads returns the effects of a call that reads the request:
// a pagination parameter, or the whole body.
func (s *state) requestReads(nd *node, call *ast.CallExpr, fn *types.Func, recv types.Type, args []argValue) []target {
	pkg, r, name := apis.FuncKey(fn)
	if recv != nil {
		if p, rr := apis.NamedOf(apis.Deref(recv)); rr != "" {
			pkg, r = p, rr
		}
	}
	var out []target
	site := s.site(call.Pos())
	for _, rd := range apis.LookupRequestReads(pkg, r, name) {
		switch rd.What {
		case apis.QueryParam:
			if rd.Arg >= len(args) {
				continue
			}
			if args[rd.Arg].known && s.table.IsPagination(args[rd.Arg].text) {
				out = append(out, target{effect: &Effect{Kind: PageInput, Chain: []string{apis.FuncName(fn)}, Site: site, Detail: args[rd.Arg].text}})
			} else if args[rd.Arg].param >= 0 {
				nd.keyParams = append(nd.keyParams, args[rd.Arg].param) // the caller names the parameter
			}
		case apis.BindQuery:
			if rd.Arg < len(call.Args) {
				if p := paginationField(s.table, s.pass.TypesInfo.TypeOf(call.Args[rd.Arg])); p != "" {
					out = append(out, target{effect: &Effect{Kind: PageInput, Chain: []string{apis.FuncName(fn)}, Site: site, Detail: p}})
				}
			}
		case apis.BodyAll:
			out = append(out, target{effect: &Effect{Kind: BodyRead, Chain: []string{apis.FuncName(fn)}, Site: site}})
		case apis.BodyReader:
			if rd.Arg < len(call.Args) && s.isRequestBody(call.Args[rd.Arg]) {
				out = append(out, target{effect: &Effect{Kind: BodyRead, Chain: []string{apis.FuncName(fn)}, Site: site}})
			}
		}
	}
	return out
}

// isRequestBody reports whether e is the Body of an incoming request:
// r.Body, c.Request.Body, c.Request().Body.
func (s *state) isRequestBody(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return false
	}
	return apis.TypeRef{Pkg: "net/http", Name: "Request", Ptr: true}.Matches(s.pass.TypesInfo.TypeOf(sel.X))
}

// paginationField returns the query name of a pagination field of the
// struct t points to (by form, query, json, schema or url tag), or "".
func paginationField(table *apis.Table, t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		for _, key := range []string{"form", "query", "json", "schema", "url"} {
			name, _, _ := strings.Cut(tag.Get(key), ",")
			if name != "" && table.IsPagination(name) {
				return name
			}
		}
		if f.Embedded() {
			if p := paginationField(table, f.Type()); p != "" {
				return p
			}
		}
	}
	return ""
}

// capsBody reports whether body caps the request body
// (http.MaxBytesReader on a request's Body).
func (s *state) capsBody(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && s.isBodyLimit(call) {
			found = true
		}
		return !found
	})
	return found
}

// isBodyLimit reports whether call caps request bodies: a server-wide
// limit, or http.MaxBytesReader applied to a request's Body (not to a
// response's, which clients cap too).
func (s *state) isBodyLimit(call *ast.CallExpr) bool {
	fn, _ := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	pkg, r, name := apis.FuncKey(fn)
	if !apis.IsBodyLimit(pkg, r, name) {
		return false
	}
	if name == "MaxBytesReader" {
		return len(call.Args) == 3 && s.isRequestBody(call.Args[1])
	}
	return true
}

// registersBodyLimit reports whether the package caps request bodies
// server-wide (see Result.BodyLimited).
func (s *state) registersBodyLimit() bool {
	for _, f := range s.pass.Files {
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || !s.isBodyLimit(call) {
				return true
			}
			if fn, _ := apis.Callee(s.pass.TypesInfo, call); fn != nil && fn.Name() != "MaxBytesReader" {
				found = true
			}
			return true
		})
		if found {
			return true
		}
	}
	// http.MaxBytesReader in a function that is not a handler: a middleware.
	for n, nd := range s.nodes {
		if nd.capsBody && !s.isHandler(n) {
			return true
		}
	}
	return false
}

// isHandler reports whether the function node has a handler signature.
func (s *state) isHandler(n ast.Node) bool {
	sig := source.Signature(s.pass.TypesInfo, n)
	return sig != nil && apis.HandlerOf(sig) != nil
}
