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
	// whole: the rows of a read with no row limit, which grow with the
	// table; a read that may be paged returns as many as its limit.
	whole bool
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
		return provenance{origin: fromRequest, why: "one request"}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if len(x.Elts) == 0 {
			// x := []T{} or &T{} to be filled by a query or a decoder:
			// the code fixes nothing.
			return provenance{origin: fromUnknown}
		}
		return provenance{origin: fromCode, why: "a list written in the code"}
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
			return provenance{origin: fromRequest, why: "one " + typeNoun(info.TypeOf(x.X))}
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
			return provenance{origin: fromRequest, why: "one request"}
		}
		vals := source.AssignedValues(info, body, v)
		if len(vals) == 0 {
			return provenance{origin: fromUnknown}
		}
		if c.filledWithConstantKeys(v, vals, body) {
			return provenance{origin: fromCode, why: "a map written in the code"}
		}
		if p, ok := c.appendedTables(v, vals, body, depth); ok {
			return p
		}
		if p, ok := c.filledByLoops(v, vals, body, depth); ok {
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
	if source.BuiltinName(info, call) == "append" {
		p := provenance{origin: fromCode, why: "a list written in the code"}
		for _, a := range call.Args {
			p = worse(p, c.provenanceOf(a, body, depth+1))
		}
		return p
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.provenanceOf(call.Args[0], body, depth+1) // a conversion
	}
	if site := c.res.At(call); site != nil {
		var many *effects.Effect
		whole := false
		for _, e := range site.Effects() {
			if e.Kind == effects.DBReadMany || e.Kind == effects.UnboundedRead || e.Kind == effects.Datastore {
				if many == nil {
					many = &e
				}
				whole = whole || e.Kind == effects.UnboundedRead
			}
		}
		if many != nil {
			if c.keyedByRequest(call, body, depth) {
				// GetGroupsByIDs(req.GroupIDs): the rows of the ids
				// one request lists, as many as it lists.
				return provenance{origin: fromRequest, why: "the rows of " + many.Chain.First() + " for the ids of one request"}
			}
			return provenance{origin: fromStored, why: "the rows of " + many.Chain.First(), whole: whole}
		}
	}
	fn, _ := apis.Callee(info, call)
	if fn != nil && c.res.FixedList(fn) {
		return provenance{origin: fromCode, why: "a list written in the code (" + fn.Name() + ")"}
	}
	if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && fn.Signature().Recv() == nil && len(call.Args) > 0 {
		// strings.Split(s, ","), strings.Fields(s): the pieces of s.
		p := provenance{origin: fromCode, why: "a list written in the code"}
		for _, a := range call.Args {
			if tv, ok := info.Types[a]; ok && tv.Value != nil {
				continue // the separator of strings.Split(ids, ",")
			}
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

// keyedByRequest reports whether a multi-row read is keyed by a list
// one request gives: an argument that is a slice or array of a concrete
// element type (the ids, not a []any of query arguments) whose provenance
// is the request.
func (c *checker) keyedByRequest(call *ast.CallExpr, body ast.Node, depth int) bool {
	info := c.pass.TypesInfo
	for i, a := range call.Args {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			continue
		}
		elem := source.ElemOf(info.TypeOf(a))
		if elem == nil || types.IsInterface(elem) {
			continue
		}
		if b, ok := elem.Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			continue // []byte: one value
		}
		if c.provenanceOf(a, body, depth+1).origin == fromRequest {
			return true
		}
	}
	return false
}

// packageVar is the provenance of a package-level variable: a table when
// it is initialised with a non-empty composite literal, in this package or
// (through the effects' facts) another.
func (c *checker) packageVar(v *types.Var) provenance {
	if c.res.FixedList(v) {
		return provenance{origin: fromCode, why: "a table written in the code (" + v.Name() + ")"}
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
// list written in the code), or, for a variadic parameter, the arguments
// each call lists (save(ctx, peer): one element). An exported function's
// variadic parameter is too in the apilint command, when every call in the
// program lists its arguments (Result.Listed). Any other function's
// parameter, or one of a function also used as a value, is of unknown
// origin.
func (c *checker) paramProvenance(v *types.Var, depth int) provenance {
	unknown := provenance{origin: fromUnknown}
	fn, idx := c.funcOfParam(v)
	if fn == nil {
		return unknown
	}
	variadic := fn.Signature().Variadic() && idx == fn.Signature().Params().Len()-1
	if variadic && c.res.Listed(fn) {
		// Every caller in the program lists the arguments: as many as
		// the code writes (CreateToken(ctx, user, RoleUser)).
		return provenance{origin: fromCode, why: "the arguments its callers list in the code"}
	}
	if !variadic && c.res.OneElement(fn, idx) {
		// Every call in the program passes one element at most
		// (createTasks(ctx, []string{tenantID})): the loop runs once.
		return provenance{origin: fromCode, why: "a list of one element, as every caller writes it"}
	}
	if fn.Exported() {
		return unknown
	}
	uses := c.callIndex()[fn]
	if uses == nil || uses.escapes || len(uses.calls) == 0 {
		return unknown
	}
	p := provenance{origin: fromCode, why: "a list its callers write in the code"}
	for i, call := range uses.calls {
		if variadic && !call.Ellipsis.IsValid() {
			// save(ctx, peer): the elements are the arguments written at
			// the call, as many as the code lists.
			continue
		}
		if idx >= len(call.Args) || call.Ellipsis.IsValid() && !variadic {
			return unknown
		}
		q := c.provenanceOf(call.Args[idx], uses.bodies[i], depth+1)
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

// funcUses are the uses of one function of the package: its calls, with
// the body each is in (the function's, or a package-level declaration),
// and whether it is also used as a value.
type funcUses struct {
	calls   []*ast.CallExpr
	bodies  []ast.Node
	escapes bool
}

// callIndex returns the uses of the package's functions, gathered in one
// walk of the package the first time it is asked for.
func (c *checker) callIndex() map[*types.Func]*funcUses {
	if c.calls != nil {
		return c.calls
	}
	info := c.pass.TypesInfo
	c.calls = make(map[*types.Func]*funcUses)
	of := func(fn *types.Func) *funcUses {
		u := c.calls[fn]
		if u == nil {
			u = &funcUses{}
			c.calls[fn] = u
		}
		return u
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			// The body a call's arguments are read in: its function's,
			// or, in a package-level initializer (a function literal
			// assigned to a variable), the whole declaration.
			var body ast.Node = d
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fd.Body == nil {
					continue
				}
				body = fd.Body
			}
			callees := make(map[*ast.Ident]bool) // the f of f(...) and x.f(...)
			ast.Inspect(d, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					// Visited before its Fun: the callee is marked first.
					switch fun := ast.Unparen(n.Fun).(type) {
					case *ast.Ident:
						callees[fun] = true
					case *ast.SelectorExpr:
						callees[fun.Sel] = true
					}
					if fn, _ := apis.Callee(info, n); fn != nil && fn.Pkg() == c.pass.Pkg {
						u := of(fn.Origin())
						u.calls = append(u.calls, n)
						u.bodies = append(u.bodies, body)
					}
				case *ast.Ident:
					if fn, ok := info.Uses[n].(*types.Func); ok && fn.Pkg() == c.pass.Pkg && !callees[n] {
						of(fn.Origin()).escapes = true
					}
				}
				return true
			})
		}
	}
	return c.calls
}

// funcOfParam returns the function of this package whose parameter v is,
// and v's index.
func (c *checker) funcOfParam(v *types.Var) (*types.Func, int) {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || v.Pos() < fd.Pos() || v.Pos() >= fd.End() {
				continue
			}
			fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				return nil, -1
			}
			params := fn.Signature().Params()
			for i := 0; i < params.Len(); i++ {
				if params.At(i) == v {
					return fn, i
				}
			}
			return nil, -1
		}
	}
	return nil, -1
}

// madeEmpty reports whether e makes an empty collection: make(...), or a
// composite literal with no elements.
func madeEmpty(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return len(x.Elts) == 0
	case *ast.CallExpr:
		return source.BuiltinName(info, x) == "make"
	}
	return false
}

// handedOut reports whether body takes the address of local v or passes
// it to a call (other than append, with skipAppend): a function that may
// fill it out of sight.
func (c *checker) handedOut(v *types.Var, body ast.Node, skipAppend bool) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if skipAppend && source.BuiltinName(info, n) == "append" {
				return true
			}
			for _, arg := range n.Args {
				if source.Used(info, arg) == v {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && source.Used(info, n.X) == v {
				found = true
			}
		}
		return !found
	})
	return found
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
		if !madeEmpty(info, a.Expr) {
			return false
		}
	}
	if c.handedOut(v, body, false) {
		return false // filled elsewhere, perhaps
	}
	entries, ok := 0, true
	ast.Inspect(body, func(n ast.Node) bool {
		if as, isAssign := n.(*ast.AssignStmt); isAssign {
			for _, lhs := range as.Lhs {
				ix, isIndex := ast.Unparen(lhs).(*ast.IndexExpr)
				if !isIndex || source.Used(info, ix.X) != v {
					continue
				}
				if tv, known := info.Types[ix.Index]; !known || tv.Value == nil {
					ok = false
				}
				entries++
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
	var appended []*ast.CallExpr
	for _, a := range vals {
		if madeEmpty(info, a.Expr) {
			continue
		}
		x := appendTo(info, a.Expr, v)
		if x == nil || len(x.Args) < 2 {
			return provenance{}, false
		}
		appended = append(appended, x)
	}
	if len(appended) == 0 || c.handedOut(v, body, true) {
		return provenance{}, false
	}
	var loops []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			loops = append(loops, n)
		}
		return true
	})
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

// appendTo returns e when it is append(v, ...), nil otherwise.
func appendTo(info *types.Info, e ast.Expr, v *types.Var) *ast.CallExpr {
	x, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || source.BuiltinName(info, x) != "append" || len(x.Args) == 0 || source.Used(info, x.Args[0]) != v {
		return nil
	}
	return x
}

// filledByLoops decides a local map or slice made empty and then filled
// only inside range loops, one entry per iteration (ifaces[p.Iface] = i or
// out = append(out, x) in for _, p := range peers): it holds at most one
// entry per element of those loops' collections, and takes their
// provenance. It is not decided when a fill is outside a range loop, in a
// function literal or a counted loop inside it, or the value escapes.
func (c *checker) filledByLoops(v *types.Var, vals []source.Assigned, body ast.Node, depth int) (provenance, bool) {
	info := c.pass.TypesInfo
	switch v.Type().Underlying().(type) {
	case *types.Map, *types.Slice:
	default:
		return provenance{}, false
	}
	isV := func(e ast.Expr) bool { return source.Used(info, e) == v }
	for _, a := range vals {
		if appendTo(info, a.Expr, v) != nil {
			continue
		}
		if !madeEmpty(info, a.Expr) {
			return provenance{}, false
		}
	}
	if c.handedOut(v, body, true) {
		return provenance{}, false
	}
	var fills, loops []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt, *ast.ForStmt, *ast.FuncLit:
			loops = append(loops, n)
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && isV(ix.X) {
					fills = append(fills, n)
				}
			}
			for _, rhs := range n.Rhs {
				if appendTo(info, rhs, v) != nil {
					fills = append(fills, n)
				}
			}
		}
		return true
	})
	if len(fills) == 0 {
		return provenance{}, false
	}
	p := provenance{origin: fromCode, why: "a list written in the code"}
	for _, fill := range fills {
		var inner ast.Node // the innermost loop or literal around the fill
		for _, l := range loops {
			if l.Pos() <= fill.Pos() && fill.End() <= l.End() && (inner == nil || l.Pos() > inner.Pos()) {
				inner = l
			}
		}
		rs, ok := inner.(*ast.RangeStmt)
		if !ok {
			return provenance{}, false
		}
		p = worse(p, c.provenanceOf(rs.X, body, depth+1))
	}
	return p, true
}
