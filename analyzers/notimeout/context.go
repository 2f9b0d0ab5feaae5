package notimeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/report"
	"github.com/apilint/apilint/internal/source"
)

// missingContext reports a call that has a context-taking variant, when a
// context is in scope (error, with a fix) or, with -notimeout.all, when
// none is (note).
func (c *checker) missingContext(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, entry *apis.Call) {
	if u, ok := c.requestUses(cur); ok && u.bounded() || c.commandTimed(cur) {
		return
	}
	// Migrations, seeders and schema set-up run their statements once,
	// with no request waiting on them (source.SetupCode); so does the
	// code that runs only while the program starts (a reset of every
	// session when the server starts), whose context can only be
	// context.Background().
	if (entry.Kind.IsDB() || entry.Kind == apis.Datastore) && (source.SetupCode(c.pass, cur) || c.res.AtStartUp(cur)) {
		return
	}
	// An outbound request is bounded by its client's Timeout, and fiber's
	// context would add neither cancellation nor, unless a middleware
	// sets one, a deadline: only the database calls of a fiber handler
	// take it.
	ctxs := c.contextsAt(cur, call, entry.Pkg == "net/http")
	what := apis.FuncName(fn) + " takes no context"
	why := "it cannot be cancelled and has no deadline, so when the " + dependency(entry) +
		" slows down every request waiting on it holds its goroutine and connection"
	if len(ctxs) == 0 {
		if !c.s.all {
			return
		}
		c.rep.Report(findings.Finding{
			Pos:     call.Pos(),
			End:     call.End(),
			Level:   report.Note,
			Message: fmt.Sprintf("%s: %s; no context is in scope here: accept a context.Context and call %s", what, why, entry.WithCtx),
		})
		return
	}
	ctx := ctxs[0]
	c.rep.Report(findings.Finding{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("%s but %s is in scope: %s; call %s(%s, ...)", what, ctx.Var.Name(), why, entry.WithCtx, ctx.Expr()),
		Fixes:   withContextFix(call, entry, ctx.Expr()),
	})
}

// contextsAt returns the contexts in scope at call that would bound it,
// best first. A context from outside a goroutine may be cancelled while
// the goroutine still runs: inside one, only its own count. With
// attached, contexts that carry no cancellation of their own (fiber's)
// are left out.
func (c *checker) contextsAt(cur inspector.Cursor, call *ast.CallExpr, attached bool) []source.Context {
	notBefore := token.NoPos
	for fn := range cur.Enclosing(source.FuncTypes...) {
		if source.IsGoLiteral(fn) {
			notBefore = fn.Node().Pos()
			break
		}
	}
	ctxs := source.ContextsInScope(c.pass.Pkg, call.Pos(), notBefore)
	if attached {
		ctxs = slices.DeleteFunc(ctxs, func(ctx source.Context) bool { return ctx.Source.Detached })
	}
	// A context made by context.WithoutCancel, or a variable holding
	// context.Background() or TODO() itself, can neither cancel the call
	// nor give it a deadline: it is no better than none, and passing it
	// would change nothing.
	if fn, ok := source.OutermostFunc(cur); ok {
		body := source.Body(fn.Node())
		ctxs = slices.DeleteFunc(ctxs, func(ctx source.Context) bool {
			vals := source.AssignedValues(c.pass.TypesInfo, body, ctx.Var)
			return len(vals) > 0 && !slices.ContainsFunc(vals, func(a source.Assigned) bool {
				if call, _ := emptyContext(c.pass.TypesInfo, a.Expr); call != nil {
					return false
				}
				o := source.ContextOriginOf(c.pass.TypesInfo, body, a.Expr)
				return o.Root == nil || rootName(c.pass.TypesInfo, o.Root) != "WithoutCancel"
			})
		})
	}
	return ctxs
}

// emptyContext returns the call e is when it is context.Background() or
// context.TODO(), and the function's name; nil otherwise.
func emptyContext(info *types.Info, e ast.Expr) (*ast.CallExpr, string) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	fn, _ := apis.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" || fn.Name() != "Background" && fn.Name() != "TODO" {
		return nil, ""
	}
	return call, fn.Name()
}

// requestUses is what a function does with the *http.Request that a call
// builds and stores in a variable (req, err := http.NewRequest(...)),
// learnt in one walk of the function's body.
type requestUses struct {
	// attached: the request is given a context later, req.WithContext(ctx)
	// or req.Clone(ctx), or handed together with a context to a function
	// that sends it (client.Do(ctx, req): Prometheus' API client and the
	// like attach the context they are given).
	attached bool
	// served: handed to a handler in the process (h(w, req),
	// h.ServeHTTP(w, req), http.Redirect(w, req, url, code)); sent:
	// handed to anything else (Client.Do, a RoundTripper).
	served, sent bool
	// sends counts the Client.Do(req) calls, and timed those through a
	// client of the function's own whose literal sets a Timeout (client :=
	// &http.Client{Timeout: 10 * time.Second}).
	sends, timed int
}

// bounded reports whether the request needs no context of its own: one is
// attached later, it is served in the process rather than sent (no
// network, nothing to cancel), or every send goes through a client with a
// Timeout (the message's "no deadline" would be false).
func (u requestUses) bounded() bool {
	return u.attached || u.served && !u.sent || u.sends > 0 && u.sends == u.timed
}

// requestUses returns the uses of the request that the call at cur builds,
// when it is stored in a local variable.
func (c *checker) requestUses(cur inspector.Cursor) (requestUses, bool) {
	var u requestUses
	v, body, ok := c.requestVar(cur)
	if !ok {
		return u, false
	}
	info := c.pass.TypesInfo
	isReq := func(e ast.Expr) bool {
		x, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[x] == v
	}
	ast.Inspect(body, func(n ast.Node) bool {
		use, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if ctx := source.RequestContextArg(info, use); ctx != nil {
			if sel, ok := ast.Unparen(use.Fun).(*ast.SelectorExpr); ok && isReq(sel.X) {
				u.attached = true
			}
		}
		if !slices.ContainsFunc(use.Args, isReq) {
			return true
		}
		if slices.ContainsFunc(use.Args, func(a ast.Expr) bool { return apis.IsContext(info.TypeOf(a)) }) {
			u.attached = true
		}
		if sig, ok := info.TypeOf(use.Fun).(*types.Signature); ok {
			for i, a := range use.Args {
				if !isReq(a) {
					continue
				}
				// A handler's (w, r), or anything else that takes the
				// request after a ResponseWriter, serves it in the process.
				if i == 1 && responseWriter.Matches(sig.Params().At(0).Type()) {
					u.served = true
				} else {
					u.sent = true
				}
			}
		}
		if len(use.Args) == 1 {
			if sel, ok := ast.Unparen(use.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Do" && httpClient.Matches(info.TypeOf(sel.X)) {
				u.sends++
				if c.ownTimedClient(sel.X, body) {
					u.timed++
				}
			}
		}
		return true
	})
	return u, true
}

// ownTimedClient reports whether e is a client variable every value of
// which is a literal that sets a Timeout: a local variable of body, or a
// package-level variable of this package (var httpClient =
// &http.Client{Timeout: 6 * time.Second}), whose values are looked for in
// all its files.
func (c *checker) ownTimedClient(e ast.Expr, body ast.Node) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	var vals []source.Assigned
	if cl := c.localVar(id); cl != nil {
		vals = source.AssignedValues(c.pass.TypesInfo, body, cl)
	} else if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && v.Pkg() == c.pass.Pkg && v.Parent() == c.pass.Pkg.Scope() {
		for _, f := range c.pass.Files {
			vals = append(vals, source.AssignedValues(c.pass.TypesInfo, f, v)...)
		}
	} else {
		return false
	}
	for _, a := range vals {
		if source.KeyedField(source.Literal(a.Expr), "Timeout") == nil {
			return false
		}
	}
	return len(vals) > 0
}

var httpClient = apis.TypeRef{Pkg: "net/http", Name: "Client", Ptr: true}

var timeDuration = apis.TypeRef{Pkg: "time", Name: "Duration"}

// commandTimed reports whether the call at cur builds an *exec.Cmd,
// stored in a variable, that the function runs under a timeout of its
// own: handed to a helper together with a time.Duration
// (runWithTimeout(cmd, 30*time.Second)), or killed from a timer
// (time.AfterFunc(d, func() { cmd.Process.Kill() }), or a select on
// time.After that kills it). The command then has a deadline, and the
// message's "has no deadline" would be false.
func (c *checker) commandTimed(cur inspector.Cursor) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	v := c.localVar(id)
	if v == nil || !apis.ExecCmd.Matches(v.Type()) {
		return false
	}
	fn, ok := source.EnclosingFunc(cur)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	isCmd := func(e ast.Expr) bool {
		x, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[x] == v
	}
	handed, killed, timer := false, false, false
	ast.Inspect(source.Body(fn.Node()), func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if slices.ContainsFunc(call.Args, isCmd) && slices.ContainsFunc(call.Args, func(a ast.Expr) bool {
			return timeDuration.Matches(info.TypeOf(a))
		}) {
			handed = true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Kill" || sel.Sel.Name == "Signal") {
			if proc, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && proc.Sel.Name == "Process" && isCmd(proc.X) {
				killed = true
			}
		}
		if callee, _ := apis.Callee(info, call); callee != nil && callee.Pkg() != nil && callee.Pkg().Path() == "time" &&
			(callee.Name() == "After" || callee.Name() == "AfterFunc" || callee.Name() == "NewTimer") {
			timer = true
		}
		return true
	})
	return handed || killed && timer
}

var httpRequest = apis.TypeRef{Pkg: "net/http", Name: "Request", Ptr: true}

// requestVar returns the local *http.Request variable that the call at
// cur is assigned to (req, err := http.NewRequest(...)) and the body of the
// enclosing function, where its later uses are.
func (c *checker) requestVar(cur inspector.Cursor) (*types.Var, ast.Node, bool) {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return nil, nil, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, nil, false
	}
	v := c.localVar(id)
	if v == nil || !httpRequest.Matches(v.Type()) {
		return nil, nil, false
	}
	fn, ok := source.EnclosingFunc(cur)
	if !ok {
		return nil, nil, false
	}
	return v, source.Body(fn.Node()), true
}

// dependency names what a call waits on, for messages.
func dependency(entry *apis.Call) string {
	switch entry.Pkg {
	case "net/http":
		return "upstream"
	case "os/exec":
		return "command"
	case "net", "crypto/tls":
		return "network"
	}
	return "database"
}

// withContextFix rewrites f(args) to fCtx(ctx, args[, tail]).
func withContextFix(call *ast.CallExpr, entry *apis.Call, ctx string) []analysis.SuggestedFix {
	var name *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		name = fun.Sel
	case *ast.Ident:
		name = fun
	default:
		return nil
	}
	edits := []analysis.TextEdit{{Pos: name.Pos(), End: name.End(), NewText: []byte(entry.WithCtx)}}
	insert := ctx
	if len(call.Args) > 0 {
		insert += ", "
	}
	edits = append(edits, analysis.TextEdit{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(insert)})
	if entry.CtxTail != "" {
		tail := ", " + entry.CtxTail // after the context at least
		edits = append(edits, analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(tail)})
	}
	return []analysis.SuggestedFix{{Message: "Call " + entry.WithCtx + " with " + ctx, TextEdits: edits}}
}

// backgroundInHandler reports context.Background() or context.TODO()
// given to a database, datastore or HTTP call inside a request handler.
func (c *checker) backgroundInHandler(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, entry *apis.Call) {
	if !entry.Kind.IsRoundTrip() && !(entry.Pkg == "net/http" && entry.Name == "NewRequestWithContext") {
		return
	}
	idx := contextParam(fn)
	if idx < 0 {
		return
	}
	c.reportBackground(cur, call, idx, apis.FuncName(fn), "")
}

// backgroundToProgram reports context.Background() or context.TODO()
// given to a function of the program whose context reaches a database,
// datastore or HTTP call (a repository method, a sqlc query) inside a
// request handler.
func (c *checker) backgroundToProgram(cur inspector.Cursor, call *ast.CallExpr) {
	site := c.res.At(call)
	if site == nil {
		return
	}
	for _, t := range site.Targets {
		if t.Summary == nil || t.Name == "" {
			continue
		}
		for _, idx := range t.Summary.CtxParams {
			var via string
			if e, ok := t.Summary.Find(false, effects.DBReadMany, effects.DBReadOne, effects.DBWrite, effects.DBOther,
				effects.DBBatch, effects.Datastore, effects.HTTP); ok {
				via = ", which reaches " + e.Call() + ","
			}
			c.reportBackground(cur, call, idx, t.Name, via)
			return
		}
	}
}

// reportBackground reports argument idx of call when it is
// context.Background() or context.TODO() and call is in a request
// handler whose request carries a context.
func (c *checker) reportBackground(cur inspector.Cursor, call *ast.CallExpr, idx int, callee, via string) {
	if idx >= len(call.Args) {
		return
	}
	handler, h, ok := c.enclosingHandler(cur)
	if !ok || effects.Upgraded(c.pass.TypesInfo, handler.Node(), call.Pos()) {
		return // after a WebSocket upgrade the request's context outlives the client
	}
	params := source.Params(c.pass.TypesInfo, handler.Node())
	if h.Request == effects.ReceiverRequest {
		if recv := source.Receiver(c.pass.TypesInfo, handler.Node()); recv != nil {
			params = []*types.Var{recv}
			h = &effects.Handler{Request: 0, Context: h.Context}
		}
	}
	if h.Request < 0 || h.Request >= len(params) || h.Context == "" || h.Detached {
		return // no request context to use instead (fiber's is no better)
	}
	p := params[h.Request]
	src := &apis.ContextSource{Expr: h.Context}
	arg := call.Args[idx]
	bg, name := c.background(handler, arg)
	if bg == nil {
		return
	}
	f := findings.Finding{
		Pos: arg.Pos(),
		End: arg.End(),
		Message: fmt.Sprintf("context.%s() passed to %s%s inside request handler %s drops the request's context: "+
			"when the client goes away or the request times out the work goes on, and under load abandoned work piles up",
			name, callee, via, source.FuncName(handler.Node())),
	}
	if p.Name() != "" && p.Name() != "_" {
		expr := fmt.Sprintf(src.Expr, p.Name())
		f.Message += "; use " + expr
		f.Fixes = []analysis.SuggestedFix{{
			Message:   "Use " + expr,
			TextEdits: []analysis.TextEdit{{Pos: bg.Pos(), End: bg.End(), NewText: []byte(expr)}},
		}}
	}
	c.rep.Report(f)
}

// contextParam returns the index of fn's context.Context parameter, or -1.
func contextParam(fn *types.Func) int {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if apis.IsContext(params.At(i).Type()) {
			return i
		}
	}
	return -1
}

// background returns the context.Background() or context.TODO() call that
// arg is, or that the local variable arg was set to (once, in the
// handler), and its name.
func (c *checker) background(handler inspector.Cursor, arg ast.Expr) (*ast.CallExpr, string) {
	info := c.pass.TypesInfo
	if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
		vals := source.AssignedValues(info, source.Body(handler.Node()), info.Uses[id])
		if len(vals) != 1 {
			return nil, ""
		}
		arg = vals[0].Expr
	}
	return emptyContext(info, arg)
}

// enclosingHandler returns the request handler that cur runs in
// synchronously: the innermost enclosing function the handler model
// takes for a handler, looking through function literals called in place
// or stored, but stopping at a literal started by a go statement (that
// work is off the request path).
func (c *checker) enclosingHandler(cur inspector.Cursor) (inspector.Cursor, *effects.Handler, bool) {
	for fn := range cur.Enclosing(source.FuncTypes...) {
		if source.IsGoLiteral(fn) {
			return inspector.Cursor{}, nil, false
		}
		if h := c.res.Handler(fn.Node()); h != nil {
			return fn, h, true
		}
	}
	return inspector.Cursor{}, nil, false
}

// unboundedByRequest reports a handler that reaches, through the functions
// it calls, a database call made without a context where none is in scope:
// the request's context cannot cancel it, so a client that goes away, or
// a request that times out, leaves the query running. The finding is at
// the handler's call, with the chain; the call itself is a note at most
// (-notimeout.all), since it has no context to use. On a database that
// runs in the process (SQLite) a query holds no connection to a server
// and most take microseconds: a note, with -notimeout.all.
func (c *checker) unboundedByRequest(h *effects.Handler) {
	if h.Node == nil || h.Context == "" || h.Detached {
		return
	}
	level, embedded := report.Level(""), ""
	if db := c.res.Database(); db.Embedded() {
		if !c.s.all {
			return
		}
		level, embedded = report.Note, " (a note: the database ("+string(db)+") runs in the process)"
	}
	if file := source.FileOf(c.pass, h.Node.Pos()); file == nil || source.Skip(c.pass, file) {
		return
	}
	e, ok := h.Summary.Find(false, effects.NoContext)
	if !ok || e.Chain.Len < 2 {
		return // a call in the handler itself has the request's context in scope
	}
	at := c.res.Locate(source.Body(h.Node), e)
	if at == nil || effects.Upgraded(c.pass.TypesInfo, h.Node, at.Pos()) {
		return
	}
	head := h.Name
	if h.Func != nil {
		head = effects.ChainName(h.Func)
	}
	c.rep.Report(findings.Finding{
		Pos:   at.Pos(),
		End:   at.End(),
		Level: level,
		Message: fmt.Sprintf("request handler %s runs %s (%s), reached through %s, with no context%s: the request's context cannot cancel it, "+
			"so when the client goes away or the request times out the query goes on, and under load abandoned queries pile up; "+
			"take a context.Context in %s, pass the request's down, and call %s",
			h.Name, e.Call(), e.Site, strings.Join(e.Chain.Callers(), " → "), embedded, e.Chain.Callers()[len(e.Chain.Callers())-1], e.Detail),
		Chain: append([]string{head}, e.Chain.Steps()...),
	})
}
