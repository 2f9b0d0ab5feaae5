package apis

import (
	"go/ast"
	"go/types"
	"sync"

	"golang.org/x/tools/go/types/typeutil"
)

// Matches reports whether t is the type ref names.
func (ref TypeRef) Matches(t types.Type) bool {
	if ref.Ptr {
		p, ok := t.(*types.Pointer)
		if !ok {
			return false
		}
		t = p.Elem()
	}
	if ref.Pkg == "" {
		return types.Identical(t, types.Universe.Lookup(ref.Name).Type())
	}
	// An alias of a function type (fiber's Handler) is known by its own
	// name: the type it stands for is unnamed.
	if a, ok := t.(*types.Alias); ok {
		if obj := a.Obj(); obj.Pkg() != nil && obj.Pkg().Path() == ref.Pkg && obj.Name() == ref.Name {
			return true
		}
	}
	pkg, name := NamedOf(t)
	return pkg == ref.Pkg && name == ref.Name
}

// NamedOf returns the package path and name of the named (or alias) type t,
// or "", "" for unnamed types. Pointers are not followed.
func NamedOf(t types.Type) (pkg, name string) {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return "", obj.Name()
		}
		return obj.Pkg().Path(), obj.Name()
	}
	return "", ""
}

// Deref returns the element type of a pointer, or t.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// RequestParamOf returns the request parameter kind of type t: one of
// RequestParams, or a pointer to a struct that embeds a framework's
// context (a service's own context type around gin's or macaron's), whose
// context and body are reached through the embedded one. nil otherwise.
func RequestParamOf(t types.Type) *RequestParam {
	for i := range RequestParams {
		if RequestParams[i].Type.Matches(t) {
			return &RequestParams[i]
		}
	}
	if p := embeddedContext(t, 3); p != nil {
		return p
	}
	return ownContext(t)
}

// ownContexts caches ownContext by named type.
var ownContexts sync.Map // *types.Named → *RequestParam (nil: not one)

// ownContext returns the request parameter a service's own context type
// makes: a pointer to a struct with a field holding the *http.Request and
// one holding the http.ResponseWriter (type Ctx struct { Request
// *http.Request; Writer http.ResponseWriter; User User }), which the
// service's router fills and hands to its handlers
// (func (s Server) Check(c *Ctx) Response). The context and the body are
// reached through those fields. nil otherwise.
func ownContext(t types.Type) *RequestParam {
	p, isPtr := types.Unalias(t).(*types.Pointer)
	if !isPtr {
		return nil
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.TypeParams().Len() > 0 {
		return nil
	}
	if v, ok := ownContexts.Load(named); ok {
		rp, _ := v.(*RequestParam)
		return rp
	}
	var rp *RequestParam
	if st, ok := named.Underlying().(*types.Struct); ok {
		req, w := "", ""
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			switch {
			case !f.Exported() && f.Pkg() != named.Obj().Pkg():
			case req == "" && httpRequest.Matches(f.Type()):
				req = f.Name()
			case w == "" && responseWriter.Matches(f.Type()):
				w = f.Name()
			}
		}
		if req != "" && w != "" {
			rp = &RequestParam{
				Framework: "net/http",
				Type:      TypeRef{Pkg: named.Obj().Pkg().Path(), Name: named.Obj().Name(), Ptr: true},
				Context:   "%s." + req + ".Context()",
				Request:   true,
				Alone:     true,
				Injects:   true, // its handlers return what its router writes
				CapBody:   "{req}." + req + ".Body = http.MaxBytesReader({req}." + w + ", {req}." + req + ".Body, 1<<20)",
			}
		}
	}
	ownContexts.Store(named, rp)
	return rp
}

// embeddedContext returns the framework context that the struct t points
// to embeds, through up to depth levels of embedding (gogs's APIContext
// embeds its Context, which embeds macaron's).
func embeddedContext(t types.Type, depth int) *RequestParam {
	var out *RequestParam
	anyEmbedded(t, depth, func(f types.Type) bool {
		for j := range RequestParams {
			if p := &RequestParams[j]; p.Alone && p.Type.Matches(f) {
				out = p
				return true
			}
		}
		return false
	})
	return out
}

// IsResponseWriterType reports whether t is http.ResponseWriter.
func IsResponseWriterType(t types.Type) bool { return responseWriter.Matches(t) }

// HandlerTypeOf returns the handler type t is, or nil.
func HandlerTypeOf(t types.Type) *HandlerType {
	for i := range HandlerTypes {
		if HandlerTypes[i].Type.Matches(t) {
			return &HandlerTypes[i]
		}
	}
	return nil
}

// ResponderOf returns the responder sig returns, or nil.
func ResponderOf(sig *types.Signature) *Responder {
	for i := 0; i < sig.Results().Len(); i++ {
		for j := range Responders {
			if Responders[j].Type.Matches(sig.Results().At(i).Type()) {
				return &Responders[j]
			}
		}
	}
	return nil
}

// ContextSourceOf returns how to get a context from a value of type t, or
// nil. A struct embedding a framework's context gets it the same way.
func ContextSourceOf(t types.Type) *ContextSource {
	for i := range ContextSources {
		if ContextSources[i].Type.Matches(t) {
			return &ContextSources[i]
		}
	}
	if p := RequestParamOf(t); p != nil {
		for i := range ContextSources {
			if ContextSources[i].Type == p.Type {
				return &ContextSources[i]
			}
		}
		if p.Context != "" { // a service's own context type (ownContext)
			return &ContextSource{Type: p.Type, Expr: p.Context, Request: p.Request, Detached: p.Detached}
		}
	}
	return nil
}

// IsHTTPRequest reports whether t is *http.Request.
func IsHTTPRequest(t types.Type) bool { return httpRequest.Matches(t) }

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool { return contextContext.Matches(t) }

// Callee returns the function or method a call expression calls
// statically, and the type of the receiver expression for method calls
// (nil for functions and for calls through a method value).
func Callee(info *types.Info, call *ast.CallExpr) (*types.Func, types.Type) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil, nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			return fn, s.Recv()
		}
	}
	return fn, nil
}

// FuncKey returns the package path, receiver type name and name of fn, as
// the tables key them. The receiver is the type that declares the method
// (for promoted methods, the embedded type; for interface methods, the
// interface that declares them).
func FuncKey(fn *types.Func) (pkg, recv, name string) {
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		rt := Deref(sig.Recv().Type())
		_, recv = NamedOf(rt)
	}
	return pkg, recv, fn.Name()
}

// CallKey keys a call of fn on a receiver of type recv (both from Callee)
// as the tables list calls: by the receiver's own named type when it has
// one (a method promoted from an embedded type counts as the outer
// type's), by FuncKey otherwise.
func CallKey(fn *types.Func, recv types.Type) (pkg, recvName, name string) {
	pkg, recvName, name = FuncKey(fn)
	if recv != nil {
		if p, r := NamedOf(Deref(recv)); r != "" {
			pkg, recvName = p, r
		}
	}
	return pkg, recvName, name
}

// CalledPath returns "path.Name" for the function e calls (errors.New,
// net/http.NewRequest), or "" when e is no call of a known function.
func CalledPath(info *types.Info, e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	fn, _ := Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// FuncName names fn as messages show it: "(*sql.DB).Query", "(pgx.Tx).Exec",
// "http.Get", using package names rather than paths.
func FuncName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	sig := fn.Signature()
	if sig.Recv() == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return "(" + types.TypeString(sig.Recv().Type(), qual) + ")." + fn.Name()
}

// TestDoubleFields are the field types that make a struct a test double:
// testify's mock.Mock (usually embedded) and gomock's controller. Such a
// type implements a service's interfaces for tests, even when it lives in
// a non-test package (a mocks package); its methods are not the program's
// behaviour.
var TestDoubleFields = []TypeRef{
	{Pkg: "github.com/stretchr/testify/mock", Name: "Mock"},
	{Pkg: "github.com/stretchr/testify/mock", Name: "Mock", Ptr: true},
	{Pkg: "go.uber.org/mock/gomock", Name: "Controller", Ptr: true},
	{Pkg: "github.com/golang/mock/gomock", Name: "Controller", Ptr: true},
}

// IsTestDouble reports whether named type t is a struct with a field of
// one of TestDoubleFields' types.
func IsTestDouble(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		for _, ref := range TestDoubleFields {
			if ref.Matches(st.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}
