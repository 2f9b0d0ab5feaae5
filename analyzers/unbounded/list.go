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
// no pagination input.
func (c *checker) list(h source.HandlerFunc, sum *effects.Summary) {
	e, ok := sum.Find(false, effects.UnboundedRead)
	if !ok || !c.mayList(h) {
		return
	}
	if _, paged := sum.Find(true, effects.PageInput); paged {
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
func (c *checker) mayList(h source.HandlerFunc) bool {
	var key any = h.Cursor.Node()
	if decl, ok := h.Cursor.Node().(*ast.FuncDecl); ok {
		key = funcObj(c.pass, decl)
	}
	routes := c.routes[key]
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
func (c *checker) chainName(h source.HandlerFunc) string {
	if decl, ok := h.Cursor.Node().(*ast.FuncDecl); ok {
		if fn := funcObj(c.pass, decl); fn != nil {
			return effects.ChainName(fn)
		}
	}
	return h.Name
}

// callLeadingTo returns the call in handler h through which it has
// effect e (the handler's name when there is none) and e's chain.
func (c *checker) callLeadingTo(h source.HandlerFunc, e effects.Effect) (ast.Node, []string) {
	if n := c.res.Locate(source.Body(h.Cursor.Node()), e); n != nil {
		return n, e.Chain.Steps()
	}
	if decl, ok := h.Cursor.Node().(*ast.FuncDecl); ok {
		return decl.Name, e.Chain.Steps()
	}
	return h.Cursor.Node(), e.Chain.Steps()
}
