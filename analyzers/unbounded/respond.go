package unbounded

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/source"
)

// responds reports whether the rows that call returns reach the
// handler's response: the result, or a value built from it (appended to,
// put in a composite literal, converted by a function), is passed to a
// call that writes the response (json.NewEncoder(w).Encode, c.JSON,
// template Execute, or any function that also takes the handler's
// ResponseWriter or framework context), or returned by the handler.
// Rows a handler only uses to filter, validate or fill a map are not a
// list it returns.
func (c *checker) responds(h *effects.Handler, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	body := source.Body(h.Node)
	rows := make(map[types.Object]bool)

	// Destinations the call (or its builder chain) fills: Find(&users),
	// Model(&users).Scan(ctx).
	ast.Inspect(call, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op.String() == "&" {
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok {
				if obj := info.ObjectOf(id); obj != nil {
					rows[obj] = true
				}
			}
		}
		return true
	})

	// The call's results, or the call used directly as an argument.
	var direct ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, rhs := range n.Rhs {
				if ast.Unparen(rhs) == call {
					for _, lhs := range n.Lhs {
						if id, ok := lhs.(*ast.Ident); ok && id.Name != "_" && !isError(info.TypeOf(id)) {
							if obj := info.ObjectOf(id); obj != nil {
								rows[obj] = true
							}
						}
					}
				}
			}
		case *ast.CallExpr:
			for _, a := range n.Args {
				if ast.Unparen(a) == call {
					direct = n
				}
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if ast.Unparen(r) == call {
					direct = n
				}
			}
		}
		return true
	})
	if direct != nil {
		if ret, ok := direct.(*ast.ReturnStmt); ok {
			return c.returnsResponse(h, ret)
		}
		return c.writesResponse(h, direct.(*ast.CallExpr))
	}
	if len(rows) == 0 {
		return false
	}

	mentions := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(x ast.Node) bool {
			if id, ok := x.(*ast.Ident); ok && rows[info.ObjectOf(id)] {
				found = true
			}
			return !found
		})
		return found
	}
	// Values derived from the rows, to a fixed point: assignments whose
	// right side mentions them, and appends in loops over them.
	for changed := true; changed; {
		changed = false
		add := func(e ast.Expr) {
			if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name != "_" {
				if obj := info.ObjectOf(id); obj != nil && !rows[obj] && !isError(obj.Type()) {
					rows[obj] = true
					changed = true
				}
			}
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					rhs := n.Rhs[min(i, len(n.Rhs)-1)]
					if c.carries(rhs, mentions) {
						add(lhs)
					}
				}
			case *ast.RangeStmt:
				if mentions(n.X) {
					add(n.Key)
					add(n.Value)
				}
			case *ast.ForStmt:
				if n.Cond != nil && mentions(n.Cond) {
					// for rows.Next(): the values scanned per row.
					ast.Inspect(n.Body, func(x ast.Node) bool {
						if u, ok := x.(*ast.UnaryExpr); ok && u.Op.String() == "&" {
							add(u.X)
						}
						return true
					})
				}
			case *ast.CallExpr:
				// rows.Scan(&x), cur.All(ctx, &x): destinations filled
				// from the rows.
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && mentions(sel.X) {
					for _, a := range n.Args {
						if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op.String() == "&" {
							add(u.X)
						}
					}
				}
				// resp.SetPayload(rows): a setter puts the rows in the
				// response it is called on (go-swagger's generated
				// responses, which write themselves: WriteResponse).
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && strings.HasPrefix(sel.Sel.Name, "Set") &&
					writesItself(info.TypeOf(sel.X)) && slices.ContainsFunc(n.Args, func(a ast.Expr) bool { return mentions(a) }) {
					add(sel.X)
				}
			}
			return true
		})
	}

	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if n != call && mentions(n) && c.writesResponse(h, n) {
				found = true
			}
		case *ast.ReturnStmt:
			if mentions(n) && c.returnsResponse(h, n) {
				found = true
			}
		case *ast.AssignStmt:
			// A controller's response data: c.Data["json"] = rows.
			if recv := c.controller(h); recv != nil {
				for i, l := range n.Lhs {
					if source.Root(info, l) == recv && c.carries(n.Rhs[min(i, len(n.Rhs)-1)], mentions) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// controller returns the receiver of handler h when it is a controller's
// method, whose receiver carries the request and the response (beego's
// c.Data["json"] = v; c.ServeJSON(), or the service's own c.ResponseOk(v)).
func (c *checker) controller(h *effects.Handler) *types.Var {
	if h.Request != effects.ReceiverRequest {
		return nil
	}
	return source.Receiver(c.pass.TypesInfo, h.Node)
}

// carries reports whether the value of e carries the rows (mentions
// reports an expression that refers to them): the rows themselves or an
// element or field of them, a composite literal or append holding them, a
// conversion, or a call whose first argument besides a context is the
// rows (a converter or a wrapper: toViews(orders), NewListResponse(list,
// refs)). Rows passed later or inside another value (a filter:
// GetTrips(ctx, params{IDs: ids}), process(ctx, a, b, ids)) do not make
// the call's result theirs.
func (c *checker) carries(e ast.Expr, mentions func(ast.Node) bool) bool {
	info := c.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.SliceExpr, *ast.StarExpr:
		return mentions(x) && !oneRow(info, x)
	case *ast.UnaryExpr:
		return c.carries(x.X, mentions)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c.carries(elt, mentions) {
				return true
			}
		}
		return false
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			return len(x.Args) == 1 && c.carries(x.Args[0], mentions) // a conversion
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "append" {
			for _, a := range x.Args {
				if c.carries(a, mentions) {
					return true
				}
			}
			return false
		}
		var args []ast.Expr
		for _, a := range x.Args {
			if !apis.IsContext(info.TypeOf(a)) {
				args = append(args, a)
			}
		}
		if len(args) == 0 {
			return false
		}
		switch a := ast.Unparen(args[0]).(type) {
		case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.SliceExpr:
			return mentions(a) // the rows themselves, not a parameter struct built from them
		}
		return false
	}
	return false
}

// oneRow reports whether e is one row picked by a constant index, or a
// field of it (teams[0].ID: the default the handler falls back to), which
// carries that row, not the list.
func oneRow(info *types.Info, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			if tv, ok := info.Types[x.Index]; !ok || tv.Value == nil {
				return false
			}
			switch info.TypeOf(x.X).Underlying().(type) {
			case *types.Slice, *types.Array:
				return true
			}
			return false
		default:
			return false
		}
	}
}

// writesResponse reports whether call writes the handler's response: a
// known response API, or a call that is given the handler's writer or
// framework context (a render helper).
func (c *checker) writesResponse(h *effects.Handler, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if fn, recv := apis.Callee(info, call); fn != nil {
		pkg, r, name := apis.CallKey(fn, recv)
		if apis.IsResponseWriter(pkg, r, name) {
			return true
		}
	}
	if recv := c.controller(h); recv != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && source.Root(info, sel.X) == recv {
			return true // c.ResponseOk(rows), c.JSON(200, rows)
		}
	}
	for _, p := range source.Params(info, h.Node) {
		if !isWriterOrContext(p.Type()) {
			continue
		}
		for _, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.ObjectOf(id) == p {
				return true
			}
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.ObjectOf(id) == p {
				return true // c.JSON(...), w.Write(...)
			}
		}
	}
	return false
}

// returnsResponse reports whether a return statement in handler h returns
// its response: handlers with results besides an error (RPC service
// methods, go-kit endpoints, go-swagger and huma handlers) return it.
func (c *checker) returnsResponse(h *effects.Handler, ret *ast.ReturnStmt) bool {
	sig := source.Signature(c.pass.TypesInfo, h.Node)
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if !isError(sig.Results().At(i).Type()) {
			return true
		}
	}
	return false
}

// isWriterOrContext reports whether t is what a handler writes its
// response through: an http.ResponseWriter or a framework context.
func isWriterOrContext(t types.Type) bool {
	if (apis.TypeRef{Pkg: "net/http", Name: "ResponseWriter"}).Matches(t) {
		return true
	}
	src := apis.ContextSourceOf(t)
	return src != nil && src.Request || apis.IsFrameworkContext(t)
}

func isError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// writesItself reports whether t is a response that writes itself: it has
// go-swagger's WriteResponse method (middleware.Responder).
func writesItself(t types.Type) bool {
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "WriteResponse")
	_, ok := obj.(*types.Func)
	return ok
}
