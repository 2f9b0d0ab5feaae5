package notimeout

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/report"
)

// cancelWhy says what a call that a context in scope cannot cancel costs.
const cancelWhy = "when the caller gives up (the client disconnects, the server shuts down) the call " +
	"still runs to its own timeout, holding a goroutine and a connection for an answer nobody reads"

// customClientMethod reports client.Get, Head, Post and PostForm on a
// client other than http.DefaultClient (which defaultClientMethod
// reports) when a context is in scope: the client's Timeout bounds them,
// but the context cannot cancel them.
func (c *checker) customClientMethod(cur inspector.Cursor, call *ast.CallExpr, name string) {
	ctxs := c.contextsAt(cur, call, true)
	if len(ctxs) == 0 {
		return
	}
	method := map[string]string{"Get": "MethodGet", "Head": "MethodHead", "Post": "MethodPost", "PostForm": "MethodPost"}[name]
	c.rep.Report(findings.Finding{
		Pos:   call.Pos(),
		End:   call.End(),
		Level: report.Warning,
		Message: "Client." + name + " takes no context but " + ctxs[0].Var.Name() + " is in scope: " + cancelWhy +
			"; build the request with http.NewRequestWithContext(" + ctxs[0].Expr() + ", http." + method + ", ...) and send it with Do",
	})
}

// resolverTail is what the net.Resolver method takes after the context
// that the package-level lookup does not.
var resolverTail = map[string]string{
	"LookupHost": "", "LookupAddr": "", "LookupCNAME": "", "LookupMX": "", "LookupNS": "",
	"LookupTXT": "", "LookupPort": "", "LookupSRV": "", "LookupIP": `"ip", `,
}

// lookup reports a package-level net.Lookup* call when a context is in
// scope: the resolver's own timeouts bound it, the context does not.
func (c *checker) lookup(cur inspector.Cursor, call *ast.CallExpr, name string) {
	tail, ok := resolverTail[name]
	if !ok {
		return
	}
	ctxs := c.contextsAt(cur, call, false)
	if len(ctxs) == 0 {
		return
	}
	ctx := ctxs[0].Expr()
	f := findings.Finding{
		Pos:   call.Pos(),
		End:   call.End(),
		Level: report.Warning,
		Message: "net." + name + " takes no context but " + ctxs[0].Var.Name() + " is in scope: " + cancelWhy +
			"; call net.DefaultResolver." + name + "(" + ctx + ", ...)",
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		f.Fixes = []analysis.SuggestedFix{{
			Message: "Call net.DefaultResolver." + name + " with " + ctx,
			TextEdits: []analysis.TextEdit{
				{Pos: sel.Sel.Pos(), End: sel.Sel.Pos(), NewText: []byte("DefaultResolver.")},
				{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(ctx + ", " + tail)},
			},
		}}
	}
	c.rep.Report(f)
}

// tlsDial reports tls.Dial, which, like net.Dial, has no connect timeout
// and no context.
func (c *checker) tlsDial(cur inspector.Cursor, call *ast.CallExpr) {
	advice := "use tls.DialWithDialer with a net.Dialer that sets Timeout"
	if ctxs := c.contextsAt(cur, call, false); len(ctxs) > 0 {
		advice = "use a tls.Dialer (with a net.Dialer that sets Timeout) and its DialContext(" + ctxs[0].Expr() + ", ...)"
	}
	c.rep.Report(findings.Finding{
		Pos: call.Pos(),
		End: call.End(),
		Message: "tls.Dial has no timeout: connecting to an unreachable host waits for the operating system's " +
			"connect timeout (minutes), and a server that accepts but never finishes the handshake holds the caller " +
			"forever; " + advice,
	})
}
