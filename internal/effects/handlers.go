package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// Handler is a request handler: a function that runs once per request
// and whose work the response waits for. The handler model is computed
// once per package, here, and every analyzer reads it from the Result.
//
// A function is a handler when
//
//   - a router registers it (apis.Registrars: net/http, chi, gorilla/mux,
//     httprouter, gin, echo, fiber, macaron, flamego, huma, go-kit), or
//     an adapter wraps it: a function that takes a function and calls it
//     with the request from a closure it returns (app.handle(fn),
//     errorHandler(h.index)), or a function type whose ServeHTTP calls
//     the value converted to it (appHandler(index)); adapters are learnt
//     from their bodies and travel to other packages as facts;
//   - its signature says so: it takes a request parameter
//     (apis.RequestParams: *http.Request beside an http.ResponseWriter, in
//     any position, or a framework's context, or a struct embedding one),
//     or returns a go-swagger middleware.Responder; unless the package only
//     ever calls it (a helper that takes the request);
//   - it is a function literal returned as, converted to or assigned to a
//     handler type (apis.HandlerTypes: http.HandlerFunc, gin.HandlerFunc,
//     go-kit's endpoint.Endpoint...): a handler factory's closure;
//   - it implements a generated gRPC or Connect service interface;
//   - the configuration declares its request type or its router
//     (apis.handlers in .apilint.yml).
//
// A function of another package that this package registers, and that
// its own package did not take for a handler, is a handler here too: its
// findings are reported at the registration, from its summary.
type Handler struct {
	// Node is the *ast.FuncDecl or *ast.FuncLit; nil for a handler of
	// another package registered here.
	Node ast.Node
	// Func is the declared function, when it is one.
	Func *types.Func
	// Name names the handler in messages: "Server.listOrders",
	// "routes (func literal)".
	Name      string
	Framework string
	// Request is the index of the parameter that carries the request (a
	// request, a framework's context, go-swagger's parameters, or the
	// context.Context of a go-kit endpoint); ReceiverRequest for a
	// controller's method, whose receiver carries it; -1 when none is
	// known.
	Request int
	// Param is the kind of the request parameter; nil when the request
	// comes as a context.Context or inside a parameters struct.
	Param *apis.RequestParam
	// Context is the expression that yields the request's context from
	// the Request parameter (%s); "" when unknown. Detached as in
	// apis.RequestParam.
	Context  string
	Detached bool
	// Writer is the index of the http.ResponseWriter parameter, or -1.
	Writer int
	// Routes are the registrations seen in this package; in the apilint
	// command, for a handler this package registers nowhere, those other
	// packages make (Program.routeHandlers).
	Routes []source.Route
	// Via says how the handler was found, for messages and tests.
	Via string
	// At is where a handler of another package is registered here.
	At ast.Node
	// Summary is what the handler does (the fact of a handler of
	// another package).
	Summary *Summary
}

// Adapter is the object fact of a function that turns a function into a
// handler (a parameter Param that it calls with the request from a
// closure it returns), or of a function type whose ServeHTTP calls the
// value converted to it (Param -1). Request is the index, in the wrapped
// function's parameters, of the argument that carries the request.
type Adapter struct {
	Param, Request int
}

// AFact marks Adapter as an analysis fact.
func (*Adapter) AFact() {}

func (a *Adapter) String() string {
	if a.Param < 0 {
		return "adapter type, request at " + strconv.Itoa(a.Request)
	}
	return "adapter of param " + strconv.Itoa(a.Param) + ", request at " + strconv.Itoa(a.Request)
}

// ReceiverRequest is Handler.Request for a controller's method: the
// request comes with the receiver (see apis.Controllers).
const ReceiverRequest = -2

// handlerSet builds the package's handler model.
type handlerSet struct {
	s        *state
	byNode   map[ast.Node]*Handler
	external map[ast.Node]*Handler // by registration argument
	// elsewhere are the routes this package registers for functions
	// declared in other packages, which may be their own packages'
	// handlers.
	elsewhere map[*types.Func][]source.Route
	helpers   map[*types.Func]bool
	adapters  map[types.Object]Adapter // this package's adapters
	services  map[*types.Func]string
}

// findHandlers computes the package's handlers; nodes must exist.
func (s *state) findHandlers() {
	hs := &handlerSet{
		s:         s,
		byNode:    make(map[ast.Node]*Handler),
		external:  make(map[ast.Node]*Handler),
		elsewhere: make(map[*types.Func][]source.Route),
		helpers:   source.CalledOnly(s.pass.Fset, s.pass.TypesInfo, s.pass.Files),
		adapters:  make(map[types.Object]Adapter),
		services:  source.ServiceMethods(s.pass.Pkg),
	}
	hs.learnAdapters()
	for decl, nd := range s.nodes {
		hs.byShape(decl, nd)
	}
	for fn, fw := range hs.services {
		if nd := s.funcs[fn]; nd != nil && nd.decl != nil {
			hs.add(nd.decl, -1, "implements a generated "+fw+" service", fw)
		}
	}
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				hs.call(n)
			case *ast.ReturnStmt:
				hs.returned(f, n)
			case *ast.AssignStmt:
				for i, rhs := range n.Rhs {
					if i < len(n.Lhs) && len(n.Lhs) == len(n.Rhs) {
						hs.typedValue(s.pass.TypesInfo.TypeOf(n.Lhs[i]), rhs)
					}
				}
			case *ast.ValueSpec:
				if n.Type != nil {
					for _, v := range n.Values {
						hs.typedValue(s.pass.TypesInfo.TypeOf(n.Type), v)
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := s.pass.TypesInfo.Uses[id].(*types.Var); ok && v.IsField() {
						hs.typedValue(v.Type(), n.Value)
					}
				}
			}
			return true
		})
	}
	hs.dropDead()
	s.handlers = hs
}

// dropDead removes the handlers found only by their signature that are
// dead code, in a package whose routes are visible (it registers a
// handler on a route): unexported and never named in the package, no
// router can register them, here or in another package (a route commented
// out, a handler not yet wired).
func (hs *handlerSet) dropDead() {
	routed := false
	for _, h := range hs.byNode {
		routed = routed || len(h.Routes) > 0
	}
	if !routed {
		return
	}
	used := make(map[*types.Func]bool)
	for _, obj := range hs.s.pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok {
			used[fn.Origin()] = true
		}
	}
	for node, h := range hs.byNode {
		if h.Via == viaSignature && h.Func != nil && !h.Func.Exported() && !used[h.Func] {
			delete(hs.byNode, node)
		}
	}
}

// add makes fn (a node of this package) a handler, unless it is one;
// request is the index of its request parameter when the caller knows it
// (an adapter says which), else -1 for the signature to tell.
func (hs *handlerSet) add(fn ast.Node, request int, via, framework string) *Handler {
	if h := hs.byNode[fn]; h != nil {
		return h
	}
	nd := hs.s.nodes[fn]
	if nd == nil {
		return nil
	}
	sig := source.Signature(hs.s.pass.TypesInfo, fn)
	if sig == nil {
		return nil
	}
	h := &Handler{Node: fn, Func: nd.fn, Name: handlerName(hs.s, fn), Via: via, Framework: framework, Request: -1, Writer: -1}
	describeParams(hs.s.table, h, sig)
	if request >= 0 && request < sig.Params().Len() && h.Request < 0 {
		h.Request = request
		if src := apis.ContextSourceOf(sig.Params().At(request).Type()); src != nil {
			h.Context, h.Detached = src.Expr, src.Detached
		}
	}
	if h.Framework == "" {
		h.Framework = "net/http"
	}
	hs.byNode[fn] = h
	return h
}

// describeParams fills in h's request, context and writer parameters
// from sig.
func describeParams(table *apis.Table, h *Handler, sig *types.Signature) {
	params := sig.Params()
	for i := 0; i < params.Len(); i++ {
		t := params.At(i).Type()
		if apis.IsResponseWriterType(t) && h.Writer < 0 {
			h.Writer = i
		}
		if p := table.RequestParamOf(t); p != nil && h.Param == nil {
			h.Param, h.Request, h.Context, h.Detached = p, i, p.Context, p.Detached
			if h.Framework == "" {
				h.Framework = p.Framework
			}
		}
	}
	if h.Request >= 0 {
		return
	}
	if r := apis.ResponderOf(sig); r != nil {
		for i := 0; i < params.Len(); i++ {
			if hasRequestField(table, params.At(i).Type(), r.Field) {
				h.Request, h.Context = i, "%s."+r.Field+".Context()"
				h.Framework = r.Framework
				return
			}
		}
	}
	for i := 0; i < params.Len(); i++ {
		if apis.IsContext(params.At(i).Type()) {
			h.Request, h.Context = i, "%s"
			return
		}
	}
}

// hasRequestField reports whether t is a struct (or a pointer to one)
// with an *http.Request field named field.
func hasRequestField(table *apis.Table, t types.Type, field string) bool {
	st, ok := apis.Deref(t).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Name() == field {
			p := table.RequestParamOf(f.Type())
			return p != nil && p.Framework == "net/http"
		}
	}
	return false
}

// byShape makes fn a handler when its signature says so.
func (hs *handlerSet) byShape(fn ast.Node, nd *node) {
	sig := source.Signature(hs.s.pass.TypesInfo, fn)
	if sig == nil {
		return
	}
	if nd.fn != nil && hs.helpers[nd.fn] {
		return // a helper its package calls with the request
	}
	if c := controllerOf(nd.fn); c != nil {
		if h := hs.add(fn, -1, "a method of a "+c.Framework+" controller", c.Framework); h != nil {
			h.Request, h.Context = ReceiverRequest, c.Context
		}
		return
	}
	probe := &Handler{Request: -1, Writer: -1}
	describeParams(hs.s.table, probe, sig)
	switch {
	case probe.Param != nil && probe.Param.Alone && frameworkShape(sig, probe.Param):
	case probe.Param != nil && !probe.Param.Alone && probe.Writer >= 0: // a request with its writer, anywhere
	case probe.Framework == "go-swagger":
	default:
		return
	}
	hs.add(fn, -1, viaSignature, "")
}

// viaSignature is the Via of a handler found by its signature alone.
const viaSignature = "its signature"

// frameworkShape reports whether sig, which takes framework context p, has
// the framework's handler shape: the context alone, returning nothing or
// an error. A function that takes the context with other arguments, or
// returns a value, is a helper the handler calls (BindAndCheck(c, &req)),
// unless a router registers it; frameworks that inject arguments
// (macaron, flamego) take any.
func frameworkShape(sig *types.Signature, p *apis.RequestParam) bool {
	if p.Injects {
		return true
	}
	res := sig.Results()
	return sig.Params().Len() == 1 && (res.Len() == 0 || res.Len() == 1 && isErrorType(res.At(0).Type()))
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// call handles registrations and adapters.
func (hs *handlerSet) call(call *ast.CallExpr) {
	info := hs.s.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		// A conversion: to a handler type, or to an adapter type.
		if a, ok := hs.adapterType(tv.Type); ok {
			hs.value(call.Args[0], a.Request, "converted to "+typeName(tv.Type), nil)
		} else {
			hs.typedValue(tv.Type, call.Args[0])
		}
		return
	}
	fn, recv := apis.Callee(info, call)
	if fn == nil {
		return
	}
	if reg := registrarOf(hs.s.table, fn, recv); reg != nil {
		idx := reg.Handler
		if reg.Variadic {
			idx = len(call.Args) - 1
		}
		if idx >= 0 && idx < len(call.Args) && !call.Ellipsis.IsValid() {
			route, _ := source.RouteOf(info, call)
			hs.value(call.Args[idx], -1, "registered with "+apis.FuncName(fn), &route)
		}
		return
	}
	if a, ok := hs.adapterFunc(fn); ok && a.Param < len(call.Args) {
		hs.value(call.Args[a.Param], a.Request, "wrapped by "+apis.FuncName(fn), nil)
	}
}

// value makes the handlers that e evaluates to handlers: a function or
// method value, a literal, a conversion, an adapter's call.
func (hs *handlerSet) value(e ast.Expr, request int, via string, route *source.Route) {
	info := hs.s.pass.TypesInfo
	e = ast.Unparen(e)
	var h *Handler
	switch x := e.(type) {
	case *ast.FuncLit:
		h = hs.add(x, request, via, "")
	case *ast.Ident, *ast.SelectorExpr:
		fn, _ := source.Used(info, x).(*types.Func)
		if fn == nil {
			return
		}
		fn = fn.Origin()
		if nd := hs.s.funcs[fn]; nd != nil && nd.decl != nil {
			h = hs.add(nd.decl, request, via, "")
		} else if fn.Pkg() != nil && fn.Pkg() != hs.s.pass.Pkg && !apis.Modelled(fn.Pkg().Path()) {
			if route != nil && (route.Pattern != "" || route.Method != "") {
				hs.elsewhere[fn] = append(hs.elsewhere[fn], *route)
			}
			h = hs.externalHandler(x, fn, request, via)
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			if a, ok := hs.adapterType(tv.Type); ok {
				request = a.Request
			}
			hs.value(x.Args[0], request, via, route)
			return
		}
		if fn, _ := apis.Callee(info, x); fn != nil {
			if a, ok := hs.adapterFunc(fn); ok && a.Param < len(x.Args) {
				hs.value(x.Args[a.Param], a.Request, via+", wrapped by "+apis.FuncName(fn), route)
			}
		}
	}
	if h != nil && route != nil && (route.Pattern != "" || route.Method != "") {
		h.Routes = append(h.Routes, *route)
	}
}

// externalHandler makes fn, a function of another package registered
// here, a handler reported at e, unless its own package took it for one.
func (hs *handlerSet) externalHandler(e ast.Expr, fn *types.Func, request int, via string) *Handler {
	var sum Summary
	if !hs.s.pass.ImportObjectFact(fn, &sum) {
		sum = Summary{}
	}
	if sum.Handler {
		return nil // judged in its own package
	}
	if h := hs.external[e]; h != nil {
		return h
	}
	h := &Handler{Func: fn, Name: ChainName(fn), Via: via, At: e, Request: -1, Writer: -1, Summary: &sum}
	describeParams(hs.s.table, h, fn.Signature())
	if request >= 0 && h.Request < 0 {
		h.Request = request
	}
	if h.Framework == "" {
		h.Framework = "net/http"
	}
	hs.external[e] = h
	return h
}

// typedValue makes e a handler when it is a function literal (or a
// function) given the type t of a handler type: returned as one,
// converted to one, assigned to one.
func (hs *handlerSet) typedValue(t types.Type, e ast.Expr) {
	if t == nil {
		return
	}
	ht := apis.HandlerTypeOf(t)
	if ht == nil {
		return
	}
	lit, ok := ast.Unparen(e).(*ast.FuncLit)
	if !ok {
		return
	}
	h := hs.add(lit, ht.Context, "a "+typeName(t), ht.Framework)
	if h != nil && h.Framework == "net/http" && ht.Framework != "" {
		h.Framework = ht.Framework
	}
}

// returned handles function literals returned from a function whose
// result is a handler type (a handler factory).
func (hs *handlerSet) returned(file *ast.File, ret *ast.ReturnStmt) {
	var sig *types.Signature
	path := enclosingFuncs(file, ret.Pos())
	if len(path) == 0 {
		return
	}
	sig = source.Signature(hs.s.pass.TypesInfo, path[len(path)-1])
	if sig == nil || sig.Results().Len() != len(ret.Results) {
		return
	}
	for i, r := range ret.Results {
		hs.typedValue(sig.Results().At(i).Type(), r)
	}
}

// enclosingFuncs returns the function declarations and literals of file
// that enclose pos, outermost first.
func enclosingFuncs(file *ast.File, pos token.Pos) []ast.Node {
	var out []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			out = append(out, n)
		}
		return true
	})
	return out
}

// registrarOf returns the registrar fn called on recv is.
func registrarOf(table *apis.Table, fn *types.Func, recv types.Type) *apis.Registrar {
	pkg, r, name := apis.FuncKey(fn)
	if recv != nil {
		if p, rr := apis.NamedOf(apis.Deref(recv)); rr != "" {
			if reg := table.Registrar(p, rr, name); reg != nil {
				return reg
			}
		}
	}
	return table.Registrar(pkg, r, name)
}

func typeName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// handlerName names a handler: its declaration, or for a literal the
// function it is written in ("routes (func literal)").
func handlerName(s *state, fn ast.Node) string {
	if decl, ok := fn.(*ast.FuncDecl); ok {
		return source.FuncName(decl)
	}
	for _, f := range s.pass.Files {
		if f.FileStart <= fn.Pos() && fn.Pos() <= f.FileEnd {
			if path := enclosingFuncs(f, fn.Pos()); len(path) > 0 && path[0] != fn {
				return source.FuncName(path[0]) + " (func literal)"
			}
		}
	}
	return "func literal"
}

// handlers returns the package's handlers in source order, external
// ones (at their registrations) included.
func (hs *handlerSet) list() []*Handler {
	var out []*Handler
	for _, h := range hs.byNode {
		out = append(out, h)
	}
	for _, h := range hs.external {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return handlerPos(out[i]) < handlerPos(out[j]) })
	return out
}

func handlerPos(h *Handler) token.Pos {
	if h.Node != nil {
		return h.Node.Pos()
	}
	return h.At.Pos()
}

// controllerOf returns the controller framework fn is a handler of: an
// exported method, taking and returning nothing, of a struct that embeds
// a controller type (through up to three levels), and not one of its
// hooks.
func controllerOf(fn *types.Func) *apis.Controller {
	if fn == nil || !fn.Exported() {
		return nil
	}
	sig := fn.Signature()
	if sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 0 {
		return nil
	}
	c := apis.ControllerOf(sig.Recv().Type())
	if c == nil || slices.Contains(c.Hooks, fn.Name()) {
		return nil
	}
	return c
}
