package notimeout

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

// deadlineCaller reports a call to a function of the program whose
// outbound request is bounded only by a context parameter (it sends
// through http.DefaultClient, which has no Timeout: the effects'
// DeadlineParams), when the context passed here has no deadline either:
// context.Background(), context.TODO(), or a served request's context.
// A context parameter of the caller passes the question on to its own
// callers (the same fact); a context from context.WithTimeout answers
// it. Findings wait in c.pending until the whole package has been seen:
// a timeout middleware installed in it gives every request's context a
// deadline.
func (c *checker) deadlineCaller(cur inspector.Cursor, call *ast.CallExpr) {
	site := c.res.At(call)
	if site == nil {
		return
	}
	for _, t := range site.Targets {
		if t.Summary == nil || t.Name == "" {
			continue
		}
		for _, u := range t.Summary.DeadlineParams {
			if u.Param >= len(call.Args) {
				continue
			}
			arg := call.Args[u.Param]
			fn, ok := source.OutermostFunc(cur)
			if !ok {
				return // a package-level initialiser
			}
			o := source.ContextOriginOf(c.pass.TypesInfo, source.Body(fn.Node()), arg)
			if o.Bounded() || o.Root == nil {
				return
			}
			what := "context." + rootName(c.pass.TypesInfo, o.Root) + "()"
			why := "it never ends"
			if o.Request {
				what = "the request's context (" + types.ExprString(o.Root) + ")"
				why = "it ends only when the client goes away, and a client or proxy that keeps waiting keeps the upstream call waiting too"
			}
			chain := append([]string{c.callerName(fn)}, append([]string{t.Name}, u.Chain.Steps()...)...)
			c.pending = append(c.pending, pendingFinding{
				request: o.Request,
				f: findings.Finding{
					Pos: arg.Pos(),
					End: arg.End(),
					Message: fmt.Sprintf("%s sends an HTTP request through http.DefaultClient, which has no timeout (%s), so only its context "+
						"can bound the wait, and %s has no deadline: %s; %s; pass a context from context.WithTimeout, "+
						"or send through an http.Client with Timeout set",
						t.Name, strings.Join(append([]string{t.Name}, u.Chain.Steps()...), " → "), what, why, clientWhy),
					Chain: chain,
				},
			})
			return
		}
	}
}

// pendingFinding is a deadline finding held until the package is seen.
type pendingFinding struct {
	f       findings.Finding
	request bool // the context is a served request's
}

// flushDeadlines reports the held deadline findings; those about a
// request's context only when no timeout middleware in the package gives
// requests a deadline.
func (c *checker) flushDeadlines() {
	for _, p := range c.pending {
		if p.request && c.requestDeadline {
			continue
		}
		c.rep.Report(p.f)
	}
	c.pending = nil
}

// rootName names the function a context origin's root calls
// (Background, TODO, WithoutCancel), or Background for a root that is
// no call (a *gin.Context).
func rootName(info *types.Info, root ast.Expr) string {
	if call, ok := root.(*ast.CallExpr); ok {
		if fn, _ := apis.Callee(info, call); fn != nil {
			return fn.Name()
		}
	}
	return "Background"
}

// callerName names the function at fn for a chain.
func (c *checker) callerName(fn inspector.Cursor) string {
	if d, ok := fn.Node().(*ast.FuncDecl); ok {
		if f, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
			return effects.ChainName(f)
		}
	}
	return source.FuncName(fn.Node())
}

// timeoutMiddleware reports whether call installs a middleware that gives
// every request's context a deadline (apis.DeadlineMiddlewares).
func timeoutMiddleware(pkg, recv, name string) bool {
	return recv == "" && apis.DeadlineMiddlewares[pkg+"."+name]
}
