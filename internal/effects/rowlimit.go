package effects

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/sqltext"
)

// NoDefaultLimit starts the Detail of an UnboundedRead whose query has a
// LIMIT only on some paths.
const NoDefaultLimit = "no default limit"

// unboundedSQL returns the UnboundedRead effect of running the SQL text
// of argument a with the library call at the end of chain, if it reads
// every row on the default path.
func unboundedSQL(a argValue, chain Chain, site string) (Effect, bool) {
	if !sqltext.Classify(a.text).Unbounded() {
		return Effect{}, false
	}
	e := Effect{Kind: UnboundedRead, Chain: chain, Site: site, Detail: snippet(a.text)}
	if a.limitIfRequested {
		e.Detail = NoDefaultLimit + ": LIMIT is added only when the request sets one (" + e.Detail + ")"
	}
	return e, true
}

// snippet shortens SQL for messages.
func snippet(sql string) string {
	sql = strings.Join(strings.Fields(sql), " ")
	if len(sql) > 80 {
		sql = sql[:77] + "..."
	}
	return sql
}

// bounds records what a many-row read entry says about row limits: an
// unbounded read (an effect), or which of nd's parameters are the SQL
// text or the limit.
func (s *state) bounds(nd *node, call *ast.CallExpr, fn *types.Func, entry *apis.Call, args []argValue) ([]target, []int) {
	name := apis.FuncName(fn)
	site := s.site(call.Pos())
	unbounded := func(detail string) []target {
		return []target{{effect: &Effect{Kind: UnboundedRead, Chain: NewChain(name), Site: site, Detail: detail}}}
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
			if e, ok := unboundedSQL(a, NewChain(name), site); ok {
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
	v := s.varNamed(e)
	if v == nil {
		return nil
	}
	vals := s.assigned(nd.body, v)
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
				if sel.Sel.Name == "Raw" {
					// db.Raw("SELECT ... LIMIT 500").Scan(&out), or a
					// wrapper's Raw(ctx, sql, args...): the SQL text
					// decides; text apilint cannot read claims nothing.
					for _, a := range x.Args {
						if b, ok := info.TypeOf(a).Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
							if t, ok := s.text(nd, a, 0); ok {
								return !sqltext.Classify(t.dflt).Unbounded(), true
							}
							return false, false
						}
					}
					return false, false
				}
				if sel.Sel.Name == "Where" && len(x.Args) > 0 {
					// Where("id IN (?)", ids): a condition that bounds
					// the rows by itself (sqltext.WhereBounds).
					if t, ok := s.text(nd, x.Args[0], 0); ok && sqltext.WhereBounds(t.dflt) {
						return true, true
					}
				}
				if sel.Sel.Name == "Filter" && len(x.Args) == 2 && filterList(info.TypeOf(x.Args[1])) {
					// beego's qs.Filter("id__in", ids): the rows of the
					// ids the caller lists.
					return true, true
				}
				if slices.Contains(apis.LimitMethods, sel.Sel.Name) {
					if len(x.Args) == 1 {
						if p := s.paramNamed(nd, x.Args[0]); p >= 0 {
							nd.limitParams = append(nd.limitParams, p)
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
			vals := s.assigned(s.bodyOf(nd), v)
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

// filterList reports whether t, a filter's value, is a list to filter by:
// a slice or array of values other than bytes.
func filterList(t types.Type) bool {
	if t == nil || !isList(t) {
		return false
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return false // a map
	}
	b, ok := elem.Underlying().(*types.Basic)
	return !ok || b.Kind() != types.Byte
}
