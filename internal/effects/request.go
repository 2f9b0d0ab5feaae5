package effects

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// FormBody is the Detail of a BodyRead that parses the request's form:
// it reads the body only for a POST, PUT or PATCH.
const FormBody = "form"

// BoundBody is the Detail of a BodyRead by a binder that reads the body
// only for a POST, PUT or PATCH (gin's ShouldBind, echo's Bind).
const BoundBody = "bound"

// requestReads returns the effects of a call that reads the request:
// a pagination parameter, or the whole body.
func (s *state) requestReads(nd *node, call *ast.CallExpr, fn *types.Func, recv types.Type, args []argValue) []target {
	pkg, r, name := apis.CallKey(fn, recv)
	var out []target
	site := s.site(call.Pos())
	for _, rd := range apis.LookupRequestReads(pkg, r, name) {
		switch rd.What {
		case apis.QueryParam:
			if rd.Arg >= len(args) {
				continue
			}
			if args[rd.Arg].known && s.table.IsPagination(args[rd.Arg].text) {
				out = append(out, target{effect: &Effect{Kind: PageInput, Chain: NewChain(apis.FuncName(fn)), Site: site, Detail: args[rd.Arg].text}})
			} else if args[rd.Arg].param >= 0 {
				nd.keyParams = append(nd.keyParams, args[rd.Arg].param) // the caller names the parameter
			}
		case apis.BindQuery:
			if rd.Arg < len(call.Args) {
				if p := paginationField(s.table, s.pass.TypesInfo.TypeOf(call.Args[rd.Arg])); p != "" {
					out = append(out, target{effect: &Effect{Kind: PageInput, Chain: NewChain(apis.FuncName(fn)), Site: site, Detail: p}})
				}
			}
		case apis.BodyAll:
			out = append(out, target{effect: &Effect{Kind: BodyRead, Chain: NewChain(apis.FuncName(fn)), Site: site}})
		case apis.BodyForm:
			out = append(out, target{effect: &Effect{Kind: BodyRead, Chain: NewChain(apis.FuncName(fn)), Site: site, Detail: FormBody}})
		case apis.BodyByMethod:
			out = append(out, target{effect: &Effect{Kind: BodyRead, Chain: NewChain(apis.FuncName(fn)), Site: site, Detail: BoundBody}})
		case apis.BodyReader:
			if rd.Arg >= len(call.Args) || !s.isRequestBody(call.Args[rd.Arg]) {
				continue
			}
			req := ast.Unparen(call.Args[rd.Arg]).(*ast.SelectorExpr).X
			if s.outboundRequest(nd, req) {
				continue // the body of a request the program sends
			}
			if s.streamed(nd, call) {
				continue // decoded one value at a time: a stream
			}
			if p := s.requestParam(nd, req); p >= 0 {
				// Whose body it is, a served or a sent request's, is the
				// callers' to say (Summary.BodyParams).
				nd.bodyParams = append(nd.bodyParams, ParamUse{Param: p, Chain: NewChain(apis.FuncName(fn)), Kind: BodyRead, Site: site})
				continue
			}
			out = append(out, target{effect: &Effect{Kind: BodyRead, Chain: NewChain(apis.FuncName(fn)), Site: site}})
		}
	}
	if len(out) == 0 {
		out = append(out, s.boundPagination(call, fn, site)...)
	}
	return out
}

// streamed reports whether call makes a decoder (json.NewDecoder(r.Body))
// that nd keeps in a variable and decodes from only inside loops: it
// holds one value of the stream at a time (an NDJSON import, each line
// handed on), not the whole body.
func (s *state) streamed(nd *node, call *ast.CallExpr) bool {
	if nd.body == nil {
		return false
	}
	info := s.pass.TypesInfo
	var dec types.Object
	var loops []ast.Node
	ast.Inspect(nd.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, n)
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == call {
				if id, ok := n.Lhs[0].(*ast.Ident); ok {
					dec = info.ObjectOf(id)
				}
			}
		}
		return true
	})
	if dec == nil {
		return false
	}
	decodes, inLoops := 0, 0
	var around []ast.Node // the loops that decode
	ast.Inspect(nd.body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Decode" {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == dec {
				decodes++
				for _, l := range loops {
					if source.Within([]ast.Node{l}, c) {
						around = append(around, l)
						inLoops++
						break
					}
				}
			}
		}
		return true
	})
	if decodes == 0 || decodes != inLoops {
		return false
	}
	// Values appended to a list as they come are the whole body again.
	appends := false
	for _, l := range around {
		ast.Inspect(l, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && source.BuiltinName(info, c) == "append" {
				appends = true
			}
			return !appends
		})
	}
	return !appends
}

// boundPagination returns the pagination input of a call that binds the
// request into a struct with a pagination field, when no table knows the
// call: the request (or its query values) and a pointer to the struct
// are both arguments (decode.All(&opts, r), a gorilla/schema decoder's
// Decode(&opts, r.URL.Query())).
func (s *state) boundPagination(call *ast.CallExpr, fn *types.Func, site string) []target {
	info := s.pass.TypesInfo
	request := false
	for _, a := range call.Args {
		t := info.TypeOf(a)
		request = request || apis.IsHTTPRequest(t) || apis.TypeRef{Pkg: "net/url", Name: "Values"}.Matches(t)
	}
	if !request {
		return nil
	}
	for _, a := range call.Args {
		if _, ok := info.TypeOf(a).(*types.Pointer); !ok {
			continue
		}
		if p := paginationField(s.table, info.TypeOf(a)); p != "" {
			return []target{{effect: &Effect{Kind: PageInput, Chain: NewChain(apis.FuncName(fn)), Site: site, Detail: p}}}
		}
	}
	return nil
}

// requestParam returns the index of nd's parameter that req names, when
// nd is not itself a request handler (whose request parameter is the
// request it serves), or -1.
func (s *state) requestParam(nd *node, req ast.Expr) int {
	if nd.serves {
		return -1
	}
	return s.paramNamed(nd, req)
}

// serves reports whether nd serves a request: a request handler, or a
// function of a handler's shape (a closure a handler factory returns),
// whose *http.Request parameter is the request it serves.
func (s *state) serves(nd *node) bool {
	if s.nodeIsHandler(nd) {
		return true
	}
	for _, p := range nd.params {
		if apis.IsResponseWriterType(p.Type()) {
			return true
		}
	}
	return false
}

// isRequestBody reports whether e is the Body of an incoming request:
// r.Body, c.Request.Body, c.Request().Body.
func (s *state) isRequestBody(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return false
	}
	req := apis.TypeRef{Pkg: "net/http", Name: "Request", Ptr: true}
	if req.Matches(s.pass.TypesInfo.TypeOf(sel.X)) {
		return true
	}
	// A type that embeds *http.Request (bunrouter's Request): the field
	// selected through it is the request's.
	selection := s.pass.TypesInfo.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal || len(selection.Index()) < 2 {
		return false
	}
	t := s.pass.TypesInfo.TypeOf(sel.X)
	for _, i := range selection.Index()[:len(selection.Index())-1] {
		st, ok := apis.Deref(t).Underlying().(*types.Struct)
		if !ok {
			return false
		}
		t = st.Field(i).Type()
	}
	return req.Matches(t)
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
func (s *state) registersBodyLimit() (limit, serverWide bool) {
	if s.wrapsServer() {
		return true, true
	}
	// http.MaxBytesReader in a middleware: a function that caps the body
	// and hands the request on to the next handler. It caps the routes it
	// wraps, which are this package's.
	for n, nd := range s.nodes {
		if nd.capsBody && !s.isHandler(n) && s.callsNext(nd.body) {
			return true, false
		}
	}
	// Such a middleware of another package (BodyCap) wrapped around all
	// of this package's routes: router.Use(mw.MaxBytes), or every route
	// of a gorilla router re-wrapped in a Walk
	// (route.HandlerFunc(mw.MaxBytes(route.GetHandler(), n))). Given to
	// one route only, it caps that route (cappedHandlers). Used by a
	// whole router (gin.New's, echo.New's: apis.RootRouters), it caps
	// every route that router serves, registered in any package.
	found, root := false, false
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if found || !ok {
				return !found
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Use" && sel.Sel.Name != "Walk" {
				return true
			}
			for _, a := range call.Args {
				ast.Inspect(a, func(x ast.Node) bool {
					if e, ok := x.(ast.Expr); ok && s.externalBodyCap(e) {
						found = true
						root = sel.Sel.Name == "Use" && apis.IsRootRouter(s.pass.TypesInfo.TypeOf(sel.X))
					}
					return !found
				})
			}
			return !found
		})
	}
	return found, root
}

// externalBodyCap reports whether e calls or names a function of another
// package that caps the request body (BodyCap).
func (s *state) externalBodyCap(e ast.Expr) bool {
	var fn *types.Func
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, _ = apis.Callee(s.pass.TypesInfo, x)
	case *ast.SelectorExpr, *ast.Ident:
		fn, _ = source.Used(s.pass.TypesInfo, x).(*types.Func)
	}
	return fn != nil && fn.Pkg() != nil && fn.Pkg() != s.pass.Pkg && s.pass.ImportObjectFact(fn.Origin(), new(BodyCap))
}

// BodyCap marks a function that caps the request body and hands the
// request on to the handler it wraps: a middleware calling
// http.MaxBytesReader, directly or in the closure it returns. A package
// that wraps its routes in it has their bodies capped.
type BodyCap struct{}

// AFact marks BodyCap as an analysis fact.
func (*BodyCap) AFact() {}

func (*BodyCap) String() string { return "caps the request body" }

// bodyCaps returns the functions of this package that cap the request
// body and hand the request on (see BodyCap), found on first use: export
// and cappedHandlers both ask.
func (s *state) bodyCaps() map[*types.Func]bool {
	if s.caps != nil {
		return s.caps
	}
	wrappers := make(map[*types.Func]bool)
	for n, nd := range s.nodes {
		decl, ok := n.(*ast.FuncDecl)
		if !ok || nd.fn == nil {
			continue
		}
		caps := nd.capsBody && s.callsNext(nd.body)
		ast.Inspect(decl.Body, func(x ast.Node) bool {
			if lit, ok := x.(*ast.FuncLit); ok && !caps {
				if m := s.nodes[lit]; m != nil && m.capsBody && s.callsNext(m.body) {
					caps = true
				}
			}
			return !caps
		})
		if caps {
			wrappers[nd.fn] = true
		}
	}
	// A handler type whose ServeHTTP caps the body and serves the
	// handler it holds, and the functions that build one in a return, as
	// such a middleware does: func NewMaxBytesHandler(n int64)
	// func(http.Handler) http.Handler { return func(h http.Handler)
	// http.Handler { return &maxBytesHandler{h: h, n: n} } }.
	capping := make(map[*types.TypeName]bool)
	for fn := range wrappers {
		if recv := fn.Signature().Recv(); recv != nil && fn.Name() == "ServeHTTP" {
			if named, ok := types.Unalias(apis.Deref(recv.Type())).(*types.Named); ok {
				capping[named.Obj()] = true
			}
		}
	}
	if len(capping) > 0 {
		for n, nd := range s.nodes {
			decl, ok := n.(*ast.FuncDecl)
			if !ok || nd.fn == nil || wrappers[nd.fn] || decl.Body == nil {
				continue
			}
			if s.returnsLiteralOf(decl.Body, capping) {
				wrappers[nd.fn] = true
			}
		}
	}
	s.caps = wrappers
	return wrappers
}

// returnsLiteralOf reports whether body, or a function literal in it,
// returns a composite literal (or its address) of one of the types.
func (s *state) returnsLiteralOf(body *ast.BlockStmt, types_ map[*types.TypeName]bool) bool {
	found := false
	ast.Inspect(body, func(x ast.Node) bool {
		ret, ok := x.(*ast.ReturnStmt)
		if found || !ok {
			return !found
		}
		for _, r := range ret.Results {
			lit := source.Literal(r)
			if lit == nil {
				continue
			}
			if named, ok := types.Unalias(s.pass.TypesInfo.TypeOf(lit)).(*types.Named); ok && types_[named.Obj()] {
				found = true
			}
		}
		return !found
	})
	return found
}

// cappedHandlers returns the functions this package passes to a wrapper
// of its own that caps the request body before calling them: the routes
// of middleWareFunc(apiv1.SetChaos), where middleWareFunc returns a
// closure that sets r.Body = http.MaxBytesReader(w, r.Body, n) and calls
// fn(w, r); and those a route registration lists after a capping
// middleware (group.POST(path, limit.Add(n), h)). Their bodies are capped
// wherever they are declared; the apilint command, which loads the whole
// program, sees it in their packages too (Program.handlerCapped). One walk
// of the package finds both.
func (s *state) cappedHandlers() []*types.Func {
	info := s.pass.TypesInfo
	wrappers := s.bodyCaps()
	caps := func(call *ast.CallExpr) bool {
		fn, _ := apis.Callee(info, call)
		return fn != nil && (wrappers[fn.Origin()] || s.externalBodyCap(call))
	}
	var out []*types.Func
	funcs := func(args []ast.Expr) {
		for _, a := range args {
			if g, ok := source.Used(info, a).(*types.Func); ok {
				out = append(out, g.Origin())
			}
		}
	}
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(x ast.Node) bool {
			call, ok := x.(*ast.CallExpr)
			if !ok {
				return true
			}
			// A wrapper of this package given the handler:
			// middleWareFunc(apiv1.SetChaos).
			if fn, _ := apis.Callee(info, call); fn != nil && wrappers[fn.Origin()] {
				funcs(call.Args)
			}
			// A capping middleware among a route's arguments, before its
			// handler: group.POST("/logo", limit.Add(2<<20), h.uploadLogo).
			for i, a := range call.Args {
				if inner, ok := ast.Unparen(a).(*ast.CallExpr); ok && caps(inner) {
					funcs(call.Args[i+1:])
				}
			}
			return true
		})
	}
	out = append(out, s.cappedRoutes(caps)...)
	return out
}

// wrapsServer reports whether the package installs a body limit for a
// whole server or router: http.MaxBytesHandler, echo's BodyLimit,
// gin-contrib/size.
func (s *state) wrapsServer() bool {
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
	return false
}

// callsNext reports whether body hands the request on to another
// handler, as a middleware does: next.ServeHTTP(w, r), next(w, r) for a
// value of a handler type, or a framework context's Next().
func (s *state) callsNext(body *ast.BlockStmt) bool {
	info := s.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if sel.Sel.Name == "ServeHTTP" || sel.Sel.Name == "Next" && apis.IsFrameworkContext(info.TypeOf(sel.X)) {
				found = true
			}
		}
		if t := info.TypeOf(call.Fun); t != nil && apis.HandlerTypeOf(t) != nil {
			found = true
		}
		return !found
	})
	return found
}

// isHandler reports whether the function node is a request handler.
func (s *state) isHandler(n ast.Node) bool {
	return s.handlers != nil && s.handlers.byNode[n] != nil
}

// cappedRoutes returns the handlers registered on a router whose Use is
// given a capping middleware, or on a router derived from one (gorilla's
// stdRouter.Use(handlers.NewMaxBytesHandler(n)), then
// api := stdRouter.PathPrefix("/api/").Subrouter(); api.Handle(path,
// auth(h))): functions given by name, and the ServeHTTP methods of the
// handler values, also inside the wrappers around them. A router derived
// from an uncapped one (reposRouter, for large pushes) stays uncapped.
func (s *state) cappedRoutes(caps func(*ast.CallExpr) bool) []*types.Func {
	info := s.pass.TypesInfo
	root := func(e ast.Expr) *types.Var {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.CallExpr:
				sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
				if !ok {
					return nil
				}
				e = sel.X
			case *ast.Ident:
				v, _ := info.Uses[x].(*types.Var)
				return v
			default:
				return nil
			}
		}
	}
	capped := make(map[*types.Var]bool)
	derived := make(map[*types.Var]*types.Var)
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.AssignStmt:
				if len(x.Lhs) != len(x.Rhs) {
					return true
				}
				for i, l := range x.Lhs {
					id, ok := l.(*ast.Ident)
					if !ok {
						continue
					}
					v, _ := info.ObjectOf(id).(*types.Var)
					if _, isCall := ast.Unparen(x.Rhs[i]).(*ast.CallExpr); v != nil && isCall {
						if r := root(x.Rhs[i]); r != nil && r != v {
							derived[v] = r
						}
					}
				}
			case *ast.CallExpr:
				sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Use" {
					return true
				}
				for _, a := range x.Args {
					if inner, ok := ast.Unparen(a).(*ast.CallExpr); ok && caps(inner) {
						if r := root(sel.X); r != nil {
							capped[r] = true
						}
					}
				}
			}
			return true
		})
	}
	if len(capped) == 0 {
		return nil
	}
	isCapped := func(v *types.Var) bool {
		for i := 0; v != nil && i < 10; i++ {
			if capped[v] {
				return true
			}
			v = derived[v]
		}
		return false
	}
	var out []*types.Func
	var handlers func(e ast.Expr)
	handlers = func(e ast.Expr) {
		if g, ok := source.Used(info, e).(*types.Func); ok {
			out = append(out, g.Origin())
			return
		}
		if t := info.TypeOf(e); t != nil && !types.IsInterface(t) {
			if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP"); obj != nil {
				if m, ok := obj.(*types.Func); ok {
					out = append(out, m.Origin())
				}
			}
		}
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			for _, a := range call.Args {
				handlers(a)
			}
		}
	}
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(x ast.Node) bool {
			call, ok := x.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name == "Use" || !isCapped(root(sel.X)) {
				return true
			}
			for _, a := range call.Args {
				handlers(a)
			}
			return true
		})
	}
	return out
}
