package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/source"
)

// origin is where a loop's collection comes from. It decides the level of
// a finding: N grows with the table (error), N is bounded by one request
// or one message (warning), or N is fixed by the code (not reported).
type origin uint8

const (
	// fromUnknown: a parameter, a field of one; taken for stored data.
	fromUnknown origin = iota
	// fromStored: the rows of a multi-row read.
	fromStored
	// fromRequest: the items of one request, or of one entity or message
	// (the tags of a post, the ids in a URL).
	fromRequest
	// fromCode: a list written in the code, a package-level table.
	fromCode
)

// provenance is what is known of a collection's origin.
type provenance struct {
	origin origin
	// why says it for the message: "the rows of store.ListOrders".
	why string
}

// worse is the provenance that weighs more: stored data over the
// unknown, over a request, over the code.
func worse(a, b provenance) provenance {
	rank := map[origin]int{fromStored: 3, fromUnknown: 2, fromRequest: 1, fromCode: 0}
	if rank[b.origin] > rank[a.origin] {
		return b
	}
	return a
}

// provenanceOf finds where collection e, used in the function whose body
// is body, comes from.
func (c *checker) provenanceOf(e ast.Expr, body ast.Node, depth int) provenance {
	info := c.pass.TypesInfo
	if e == nil || depth > 4 {
		return provenance{origin: fromUnknown}
	}
	if c.readsRequest(e) {
		return provenance{fromRequest, "one request"}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if len(x.Elts) == 0 {
			// x := []T{} or &T{} to be filled by a query or a decoder:
			// the code fixes nothing.
			return provenance{origin: fromUnknown}
		}
		return provenance{fromCode, "a list written in the code"}
	case *ast.UnaryExpr:
		return c.provenanceOf(x.X, body, depth+1)
	case *ast.SliceExpr:
		return c.provenanceOf(x.X, body, depth+1)
	case *ast.IndexExpr:
		return c.provenanceOf(x.X, body, depth+1)
	case *ast.CallExpr:
		return c.callProvenance(x, body, depth)
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.IsField() {
			// A field of one value: the items of one entity or message
			// (the tags of a post), whose number that value bounds; but a
			// field of the receiver is the service's own state, which
			// may grow with the data.
			inner := c.provenanceOf(x.X, body, depth+1)
			if inner.origin == fromCode || inner.origin == fromRequest || inner.origin == fromStored {
				return inner
			}
			if isCollection(info.TypeOf(x.X)) || c.isReceiver(x.X) {
				return inner
			}
			return provenance{fromRequest, "one " + typeNoun(info.TypeOf(x.X))}
		}
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
			return c.packageVar(v)
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return provenance{origin: fromUnknown}
		}
		if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return c.packageVar(v)
		}
		if v.Kind() == types.ParamVar {
			return c.paramProvenance(v, depth)
		}
		if v.Kind() == types.RecvVar {
			return provenance{origin: fromUnknown}
		}
		if c.decodedFromRequest(v, body) {
			return provenance{fromRequest, "one request"}
		}
		vals := source.AssignedValues(info, body, v)
		if len(vals) == 0 {
			return provenance{origin: fromUnknown}
		}
		if c.filledWithConstantKeys(v, vals, body) {
			return provenance{fromCode, "a map written in the code"}
		}
		if p, ok := c.appendedTables(v, vals, body, depth); ok {
			return p
		}
		p := provenance{origin: fromCode, why: "a list written in the code"}
		for _, a := range vals {
			if a.Expr == nil {
				return provenance{origin: fromUnknown}
			}
			p = worse(p, c.provenanceOf(a.Expr, body, depth+1))
		}
		return p
	}
	return provenance{origin: fromUnknown}
}

// callProvenance is provenanceOf for a call.
func (c *checker) callProvenance(call *ast.CallExpr, body ast.Node, depth int) provenance {
	info := c.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
			p := provenance{origin: fromCode, why: "a list written in the code"}
			for _, a := range call.Args {
				p = worse(p, c.provenanceOf(a, body, depth+1))
			}
			return p
		}
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.provenanceOf(call.Args[0], body, depth+1) // a conversion
	}
	if site := c.res.At(call); site != nil {
		for _, e := range site.Effects() {
			if e.Kind == effects.DBReadMany || e.Kind == effects.UnboundedRead || e.Kind == effects.Datastore {
				return provenance{fromStored, "the rows of " + e.Chain.First()}
			}
		}
	}
	if fn, _ := apis.Callee(info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
		p := provenance{origin: fromCode, why: "a list written in the code"}
		for _, a := range call.Args {
			p = worse(p, c.provenanceOf(a, body, depth+1))
		}
		if p.origin == fromCode {
			if tv, ok := info.Types[call.Args[0]]; !ok || tv.Value == nil {
				return provenance{origin: fromUnknown}
			}
		}
		return p
	}
	return provenance{origin: fromUnknown}
}

// packageVar is the provenance of a package-level variable: a table when
// it is initialised with a non-empty composite literal, in this package or
// (through the effects' facts) another.
func (c *checker) packageVar(v *types.Var) provenance {
	if c.res.FixedList(v) {
		return provenance{fromCode, "a table written in the code (" + v.Name() + ")"}
	}
	return provenance{origin: fromUnknown}
}

// readsRequest reports whether e reads the request: a chain of
// selectors, calls and indexes rooted at a request parameter
// (r.URL.Query()["id"], r.Form["tag"], c.QueryArray("id")).
func (c *checker) readsRequest(e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			e = x.Fun
		case *ast.IndexExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		case *ast.Ident:
			v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
			return ok && v.Kind() == types.ParamVar && c.res.Table().RequestParamOf(v.Type()) != nil
		default:
			return false
		}
	}
}

// isReceiver reports whether e is the method's receiver.
func (c *checker) isReceiver(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && v.Kind() == types.RecvVar
}

// fromRequest reports whether e mentions a request parameter.
func (c *checker) fromRequest(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && v.Kind() == types.ParamVar &&
				c.res.Table().RequestParamOf(v.Type()) != nil {
				found = true
			}
		}
		return !found
	})
	return found
}

// decodedFromRequest reports whether body decodes the request into v:
// a call that takes &v and reads a request (json.NewDecoder(r.Body).
// Decode(&v), c.ShouldBindJSON(&v)).
func (c *checker) decodedFromRequest(v *types.Var, body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		for _, a := range call.Args {
			u, ok := ast.Unparen(a).(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				continue
			}
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v && c.fromRequest(call.Fun) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isCollection reports whether t holds many values.
func isCollection(t types.Type) bool {
	if t == nil {
		return false
	}
	switch apis.Deref(t).Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map, *types.Chan:
		return true
	}
	return false
}

// typeNoun names a value of type t for messages: "Post", "value".
func typeNoun(t types.Type) string {
	if t == nil {
		return "value"
	}
	if _, name := apis.NamedOf(apis.Deref(t)); name != "" {
		return name
	}
	return "value"
}

// paramProvenance is the provenance of parameter v when its function is
// unexported and only called, in this package: what every call passes
// (initDefaults(map[string]string{...}) called once with a literal is a
// list written in the code). Any other function's parameter, a function
// also used as a value, or a variadic parameter is of unknown origin.
func (c *checker) paramProvenance(v *types.Var, depth int) provenance {
	unknown := provenance{origin: fromUnknown}
	fd, fn, idx := c.funcOfParam(v)
	if fd == nil || fn.Exported() || (fn.Signature().Variadic() && idx == fn.Signature().Params().Len()-1) {
		return unknown
	}
	info := c.pass.TypesInfo
	var calls []*ast.CallExpr
	var bodies []ast.Node
	escapes := false
	for _, f := range c.pass.Files {
		var stack []ast.Node // enclosing function bodies
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				return true
			}
			switch n := n.(type) {
			case *ast.FuncDecl:
				stack = append(stack[:0], n.Body)
			case *ast.CallExpr:
				callee, _ := apis.Callee(info, n)
				if callee == fn && len(stack) > 0 {
					calls = append(calls, n)
					bodies = append(bodies, stack[0])
				}
			case *ast.Ident:
				if info.Uses[n] == fn && !c.calledAt(f, n) {
					escapes = true
				}
			}
			return true
		})
	}
	if escapes || len(calls) == 0 {
		return unknown
	}
	p := provenance{origin: fromCode, why: "a list its callers write in the code"}
	for i, call := range calls {
		if idx >= len(call.Args) || call.Ellipsis.IsValid() {
			return unknown
		}
		q := c.provenanceOf(call.Args[idx], bodies[i], depth+1)
		if q.origin != fromCode && q.origin != fromRequest {
			return unknown
		}
		p = worse(p, q)
	}
	if p.origin == fromCode {
		p.why = "a list its callers write in the code"
	}
	return p
}

// funcOfParam returns the declaration of the function of this package
// whose parameter v is, the function, and v's index.
func (c *checker) funcOfParam(v *types.Var) (*ast.FuncDecl, *types.Func, int) {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || v.Pos() < fd.Pos() || v.Pos() >= fd.End() {
				continue
			}
			fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				return nil, nil, -1
			}
			params := fn.Signature().Params()
			for i := 0; i < params.Len(); i++ {
				if params.At(i) == v {
					return fd, fn, i
				}
			}
			return nil, nil, -1
		}
	}
	return nil, nil, -1
}

// calledAt reports whether the use id of a function in file f is the
// callee of a call (f(...) or x.f(...)), not a value.
func (c *checker) calledAt(f *ast.File, id *ast.Ident) bool {
	called := false
	ast.Inspect(f, func(n ast.Node) bool {
		if called {
			return false
		}
		if n == nil || n.Pos() > id.Pos() || n.End() < id.End() {
			return n == nil
		}
		if call, ok := n.(*ast.CallExpr); ok {
			switch fun := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				called = fun == id
			case *ast.SelectorExpr:
				called = fun.Sel == id
			}
		}
		return !called
	})
	return called
}

// filledWithConstantKeys reports whether local map v is made empty
// (make, or an empty literal) and then only filled by assignments with
// constant keys (m["LDAP"] = ldap; m["OIDC"] = oidc): a map the code
// writes, entry by entry. Any other use that could add to it (passed to
// a function, its address taken, an assignment with a computed key) makes
// it data.
func (c *checker) filledWithConstantKeys(v *types.Var, vals []source.Assigned, body ast.Node) bool {
	info := c.pass.TypesInfo
	if _, ok := v.Type().Underlying().(*types.Map); !ok {
		return false
	}
	for _, a := range vals {
		switch x := ast.Unparen(a.Expr).(type) {
		case *ast.CompositeLit:
			if len(x.Elts) > 0 {
				return false
			}
		case *ast.CallExpr:
			id, ok := ast.Unparen(x.Fun).(*ast.Ident)
			if !ok || id.Name != "make" {
				return false
			}
			if _, builtin := info.Uses[id].(*types.Builtin); !builtin {
				return false
			}
		default:
			return false
		}
	}
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	entries, ok := 0, true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				ix, isIndex := ast.Unparen(lhs).(*ast.IndexExpr)
				if !isIndex || !isV(ix.X) {
					continue
				}
				if tv, known := info.Types[ix.Index]; !known || tv.Value == nil {
					ok = false
				}
				entries++
			}
		case *ast.CallExpr:
			for _, arg := range n.Args {
				if isV(arg) {
					ok = false // filled elsewhere, perhaps
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isV(n.X) {
				ok = false
			}
		}
		return ok
	})
	return ok && entries > 0
}

// appendedTables decides a local slice made empty (make, or an empty
// literal) and then only appended to outside any loop (tpls =
// append(tpls, builtinTpls...); tpls = append(tpls, builtinTplsEn...)):
// its provenance is that of what is appended. It is not decided (ok is
// false) when an append is in a loop (the loop's collection would decide)
// or the slice escapes to a function or by address, which may fill it.
func (c *checker) appendedTables(v *types.Var, vals []source.Assigned, body ast.Node, depth int) (provenance, bool) {
	info := c.pass.TypesInfo
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	var appended []*ast.CallExpr
	for _, a := range vals {
		switch x := ast.Unparen(a.Expr).(type) {
		case *ast.CompositeLit:
			if len(x.Elts) > 0 {
				return provenance{}, false
			}
		case *ast.CallExpr:
			id, ok := ast.Unparen(x.Fun).(*ast.Ident)
			if !ok {
				return provenance{}, false
			}
			if _, builtin := info.Uses[id].(*types.Builtin); !builtin {
				return provenance{}, false
			}
			switch {
			case id.Name == "make":
			case id.Name == "append" && len(x.Args) > 1 && isV(x.Args[0]):
				appended = append(appended, x)
			default:
				return provenance{}, false
			}
		default:
			return provenance{}, false
		}
	}
	if len(appended) == 0 {
		return provenance{}, false
	}
	// No append in a loop, no escape.
	ok := true
	var loops []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			loops = append(loops, n)
		case *ast.CallExpr:
			if id, isID := ast.Unparen(n.Fun).(*ast.Ident); isID && id.Name == "append" {
				return true
			}
			for _, arg := range n.Args {
				if isV(arg) {
					ok = false
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isV(n.X) {
				ok = false
			}
		}
		return ok
	})
	if !ok {
		return provenance{}, false
	}
	p := provenance{origin: fromCode, why: "a list written in the code"}
	for _, call := range appended {
		for _, l := range loops {
			if l.Pos() <= call.Pos() && call.End() <= l.End() {
				return provenance{}, false
			}
		}
		for _, arg := range call.Args[1:] {
			p = worse(p, c.provenanceOf(arg, body, depth+1))
		}
	}
	return p, true
}
