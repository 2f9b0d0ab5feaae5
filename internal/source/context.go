package source

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apilint/apilint/internal/apis"
)

// Context is a way to get a context.Context at some position.
type Context struct {
	Var    *types.Var
	Source *apis.ContextSource
}

// Expr is the Go expression that yields the context ("ctx", "r.Context()").
func (c Context) Expr() string { return fmt.Sprintf(c.Source.Expr, c.Var.Name()) }

// ContextsInScope returns the variables visible at pos (declared before
// it) from which a context can be had, best first: a context.Context
// named ctx, any other context.Context, then request-carrying values.
// Request-carrying values count only as parameters. Variables declared before notBefore are left out: pass the start of a
// goroutine's function literal to ignore contexts that the goroutine
// would outlive.
func ContextsInScope(pkg *types.Package, pos, notBefore token.Pos) []Context {
	scope := pkg.Scope().Innermost(pos)
	var out []Context
	seen := map[string]bool{}
	for s := scope; s != nil && s != pkg.Scope() && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			if seen[name] || name == "_" {
				continue
			}
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || !v.Pos().IsValid() || v.Pos() >= pos || v.Pos() < notBefore {
				continue
			}
			seen[name] = true // inner declarations shadow outer ones
			src := apis.ContextSourceOf(v.Type())
			if src != nil && (src.Request || src.Detached) && v.Kind() != types.ParamVar {
				// A request variable that is not a parameter is most
				// likely an outgoing request, not the one being served.
				src = nil
			}
			if src != nil {
				out = append(out, Context{Var: v, Source: src})
			}
		}
	}
	rank := func(c Context) int {
		r := 0
		for i := range apis.ContextSources {
			if &apis.ContextSources[i] == c.Source {
				r = i * 2
			}
		}
		if c.Var.Name() != "ctx" && !strings.HasSuffix(c.Var.Name(), "Ctx") {
			r++
		}
		return r
	}
	// Stable insertion sort: lists are tiny.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && rank(out[j]) < rank(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// ContextOrigin is what a context expression derives from, as far as its
// deadline goes.
type ContextOrigin struct {
	// Deadline is set when context.WithTimeout or WithDeadline (or their
	// Cause variants) is on the way: the context has a deadline of its
	// own.
	Deadline bool
	// Param is the context.Context parameter the context derives from
	// (through WithValue or WithCancel) when no deadline is added on the
	// way: the caller decides.
	Param *types.Var
	// Root is the expression the context derives from when it is one
	// that carries no deadline: context.Background(), context.TODO(),
	// context.WithoutCancel(...), or
	// a served request's context (r.Context(), a gin.Context parameter;
	// Request is then set).
	Root    ast.Expr
	Request bool
}

// Bounded reports whether the context has a deadline or its caller owns
// it.
func (o ContextOrigin) Bounded() bool { return o.Deadline || o.Param != nil }

// or merges the origins of two assignments to one variable: a deadline
// wins (the context may be bounded), then a parameter, then the first
// root.
func (o ContextOrigin) or(p ContextOrigin) ContextOrigin {
	switch {
	case o.Deadline:
		return o
	case p.Deadline:
		return p
	case o.Param != nil:
		return o
	case p.Param != nil:
		return p
	case o.Root != nil:
		return o
	}
	return p
}

// ContextOriginOf follows the context expression e through the local
// variables of body it is assigned from and the context package's
// wrappers to where its deadline comes from. When a variable is assigned
// several times, a path with a deadline wins (the context may be
// bounded), then a parameter, then the first root found.
func ContextOriginOf(info *types.Info, body ast.Node, e ast.Expr) ContextOrigin {
	return contextOrigin(info, body, e, 0)
}

func contextOrigin(info *types.Info, body ast.Node, e ast.Expr, depth int) ContextOrigin {
	var none ContextOrigin
	if depth > 8 {
		return none
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return none
		}
		var best ContextOrigin
		if v.Kind() == types.ParamVar {
			// A parameter reassigned (ctx, cancel = context.WithTimeout(ctx, d))
			// is judged with its assignments.
			if apis.IsContext(v.Type()) {
				best = ContextOrigin{Param: v}
			} else if src := apis.ContextSourceOf(v.Type()); src != nil && src.Request {
				best = ContextOrigin{Root: x, Request: true} // gin's *gin.Context is a context.Context
			}
		}
		for _, a := range AssignedValues(info, body, v) {
			if best = best.or(contextOrigin(info, body, a.Expr, depth+1)); best.Deadline {
				break
			}
		}
		return best
	case *ast.CallExpr:
		fn, ok := Used(info, x.Fun).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return none
		}
		if sig := fn.Signature(); sig.Recv() != nil {
			if fn.Name() == "Context" && apis.IsHTTPRequest(sig.Recv().Type()) && servedRequest(info, x) {
				return ContextOrigin{Root: x, Request: true}
			}
			return none
		}
		if fn.Pkg().Path() != "context" {
			return none
		}
		switch fn.Name() {
		case "Background", "TODO":
			return ContextOrigin{Root: x}
		case "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause":
			return ContextOrigin{Deadline: true}
		case "WithoutCancel":
			return ContextOrigin{Root: x} // no deadline, no cancellation
		case "WithValue", "WithCancel", "WithCancelCause":
			if len(x.Args) > 0 {
				return contextOrigin(info, body, x.Args[0], depth+1)
			}
		}
	}
	return none
}

// servedRequest reports whether call is r.Context() on a request that is
// a parameter (the request being served) or a framework context's
// request (c.Request.Context(), c.Request().Context()).
func servedRequest(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch r := ast.Unparen(sel.X).(type) {
	case *ast.Ident:
		v, ok := info.Uses[r].(*types.Var)
		return ok && v.Kind() == types.ParamVar
	case *ast.SelectorExpr, *ast.CallExpr:
		return apis.ContextSourceOf(info.TypeOf(Operand(r))) != nil
	}
	return false
}

// Operand returns the operand a selector or method call is made on: c
// for c.Request and c.Request().
func Operand(e ast.Expr) ast.Expr {
	if call, ok := e.(*ast.CallExpr); ok {
		e = ast.Unparen(call.Fun)
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.X
	}
	return e
}

// RequestContextOrigin returns the origin of the context of the
// *http.Request expression req: built by http.NewRequestWithContext,
// req.WithContext or req.Clone, directly or in a local variable of body.
// A request built without a context has the zero origin.
func RequestContextOrigin(info *types.Info, body ast.Node, req ast.Expr) ContextOrigin {
	var best ContextOrigin
	switch r := ast.Unparen(req).(type) {
	case *ast.CallExpr:
		if ctx := RequestContextArg(info, r); ctx != nil {
			return ContextOriginOf(info, body, ctx)
		}
	case *ast.Ident:
		for _, a := range AssignedValues(info, body, info.Uses[r]) {
			call, ok := ast.Unparen(a.Expr).(*ast.CallExpr)
			if !ok {
				continue
			}
			ctx := RequestContextArg(info, call)
			if ctx == nil {
				continue
			}
			if best = best.or(ContextOriginOf(info, body, ctx)); best.Deadline {
				break
			}
		}
	}
	return best
}

// RequestContextArg returns the context argument of a call that makes a
// request with a context: http.NewRequestWithContext(ctx, ...),
// req.WithContext(ctx), req.Clone(ctx).
func RequestContextArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn, _ := apis.Callee(info, call)
	if fn == nil || len(call.Args) == 0 {
		return nil
	}
	pkg, recv, name := apis.FuncKey(fn)
	switch {
	case pkg == "net/http" && recv == "" && name == "NewRequestWithContext",
		pkg == "net/http" && recv == "Request" && (name == "WithContext" || name == "Clone"):
		return call.Args[0]
	}
	return nil
}
