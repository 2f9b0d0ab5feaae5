package unbounded

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

func funcObj(pass *analysis.Pass, decl *ast.FuncDecl) *types.Func {
	fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	return fn
}

// list reports a handler that runs an unbounded many-row read and reads
// no pagination input; or whose query gets a LIMIT only when the request
// sets one (no default limit), whatever it reads.
func (c *checker) list(h *effects.Handler, sum *effects.Summary) {
	e, ok := sum.Find(false, effects.UnboundedRead)
	if !ok || !c.mayList(h) {
		return
	}
	noDefault := strings.HasPrefix(e.Detail, effects.NoDefaultLimit)
	if _, paged := sum.Find(true, effects.PageInput); paged && !noDefault {
		return
	}
	at, chain := c.callLeadingTo(h, e)
	call, ok := at.(*ast.CallExpr)
	if !ok || !c.responds(h, call) {
		return // the rows do not reach the response: not a list this handler returns
	}
	what := e.Call() + " runs "
	switch {
	case strings.HasPrefix(e.Detail, "no ") || strings.HasPrefix(e.Detail, "built "):
		what += "a many-row read (" + e.Detail + ")"
	case e.Detail != "":
		what += "\"" + e.Detail + "\", which has no LIMIT"
	default:
		what += "a many-row read with no LIMIT"
	}
	if e.Site != "" {
		what += " (" + e.Site + ")"
	}
	if len(chain) > 1 {
		what += ", reached through " + strings.Join(chain[:len(chain)-1], " → ")
	}
	msg := "list endpoint " + h.Name + " returns every row: " + what +
		", and the handler reads no pagination parameter: the response and the query grow with the table until one request exhausts memory and the database" +
		"; paginate: accept a cursor (or page) and a limit capped at a maximum (limit = min(limit, 100)), and declare maxItems in the API contract"
	c.rep.Report(findings.Finding{Pos: at.Pos(), End: at.End(), Message: msg, Chain: append([]string{c.chainName(h)}, chain...)})
}

// mayList reports whether handler h may be a list endpoint: registered
// (in this package) for GET, or for any method, on a path that names a
// collection; or not registered here at all. A POST, PUT, PATCH or
// DELETE, or a GET of /things/{id}, returns one entity.
func (c *checker) mayList(h *effects.Handler) bool {
	routes := h.Routes
	if len(routes) == 0 {
		// Registered through a router apilint does not know: any call
		// that takes a path and the handler.
		var key any = h.Node
		if h.Func != nil {
			key = h.Func
		}
		routes = c.routes[key]
	}
	if len(routes) == 0 {
		return true
	}
	for _, r := range routes {
		if (r.Method == "" || r.Method == "GET") && !source.EntityPattern(r.Pattern) {
			return true
		}
	}
	return false
}

// chainName names handler h at the head of a chain, as nplusone does.
func (c *checker) chainName(h *effects.Handler) string {
	if h.Func != nil {
		return effects.ChainName(h.Func)
	}
	return h.Name
}

// callLeadingTo returns the call in handler h through which it has
// effect e (the handler's name when there is none) and e's chain.
func (c *checker) callLeadingTo(h *effects.Handler, e effects.Effect) (ast.Node, []string) {
	if h.Node == nil {
		return h.At, e.Chain.Steps()
	}
	if n := c.res.Locate(source.Body(h.Node), e); n != nil {
		return n, e.Chain.Steps()
	}
	if decl, ok := h.Node.(*ast.FuncDecl); ok {
		return decl.Name, e.Chain.Steps()
	}
	return h.Node, e.Chain.Steps()
}
