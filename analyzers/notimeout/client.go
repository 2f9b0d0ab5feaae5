package notimeout

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

const clientWhy = "a slow or hung upstream then holds the calling goroutine and its connection forever, " +
	"and under load they pile up until the service runs out of memory or file descriptors"

// client reports an http.Client built without a Timeout.
func (c *checker) client(b built) {
	if source.KeyedField(b.lit, "Timeout") != nil || c.assignedLater(b, "Timeout") {
		return
	}
	if c.streamingTransport(b) || dialsWithDeadlines(b.lit) || c.onlyBoundedRequests(b) || c.fieldRequestsTimed(b) {
		return
	}
	if b.fallback != nil && !c.passesNil(b.fallbackFn, b.fallback) {
		// A default for a nil argument that no call here passes: the
		// callers choose their client.
		return
	}
	what := "http.Client has no Timeout"
	if b.constructor != "" {
		what = b.constructor + " returns an http.Client with no Timeout"
	}
	if at := c.streamedAt(b.stored); at.IsValid() {
		p := c.pass.Fset.Position(at)
		c.rep.Report(findings.Finding{
			Pos: b.pos,
			End: b.end,
			Message: what + ", and its responses are read as a stream (" + filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line) + "): " +
				"nothing bounds the wait for an upstream that never answers; Client.Timeout would also cut the stream, so set " +
				"Transport.ResponseHeaderTimeout (and a dial timeout) and give each request a context the caller can cancel",
		})
		return
	}
	f := findings.Finding{
		Pos:     b.pos,
		End:     b.end,
		Message: what + ": " + clientWhy + "; set Timeout (e.g. 10 * time.Second), or give every request a context with a deadline",
	}
	if b.lit != nil {
		f.Fixes = c.addDurationField(b.lit, "Timeout", "Add Timeout: 10 * time.Second")
	}
	c.rep.Report(f)
}

// streamingTransport reports whether the client literal's Transport
// bounds the wait for response headers: a literal that sets
// ResponseHeaderTimeout, or a local variable whose ResponseHeaderTimeout
// the function sets (transport := http.DefaultTransport.(*http.Transport).Clone();
// transport.ResponseHeaderTimeout = d). That is the usual setup of clients
// that stream bodies and so cannot use Client.Timeout.
func (c *checker) streamingTransport(b built) bool {
	t := source.KeyedField(b.lit, "Transport")
	if u, ok := t.(*ast.UnaryExpr); ok {
		t = u.X
	}
	if id, ok := t.(*ast.Ident); ok && c.localVar(id) != nil {
		return source.FieldAssigned(b.scope, id.Name, token.NoPos, "ResponseHeaderTimeout")
	}
	tl, ok := t.(*ast.CompositeLit)
	return ok && source.KeyedField(tl, "ResponseHeaderTimeout") != nil
}

// defaultClientFunc reports http.Get and friends.
func (c *checker) defaultClientFunc(call *ast.CallExpr, name string) {
	c.rep.Report(findings.Finding{
		Pos: call.Pos(),
		End: call.End(),
		Message: "http." + name + " sends through http.DefaultClient, which has no timeout: " + clientWhy +
			"; use an http.Client with Timeout set, or http.NewRequestWithContext with a context that has a deadline",
	})
}

// defaultClientMethod reports http.DefaultClient.Do(req) unless req's
// context is bounded, and the other DefaultClient methods, which take no
// context.
func (c *checker) defaultClientMethod(cur inspector.Cursor, call *ast.CallExpr, name string) {
	if name == "Do" && len(call.Args) == 1 {
		var body ast.Node
		if fn, ok := source.OutermostFunc(cur); ok {
			body = source.Body(fn.Node())
		}
		if c.requestBounded(body, call.Args[0]) {
			return
		}
	}
	c.rep.Report(findings.Finding{
		Pos: call.Pos(),
		End: call.End(),
		Message: "http.DefaultClient." + name + " has no timeout and the request's context has no deadline: " + clientWhy +
			"; use an http.Client with Timeout set, or build the request with a context from context.WithTimeout",
	})
}

// requestBounded reports whether the *http.Request expression req carries
// a context with a deadline (or one its caller owns).
func (c *checker) requestBounded(body ast.Node, req ast.Expr) bool {
	return source.RequestContextOrigin(c.pass.TypesInfo, body, req).Bounded()
}

// onlyBoundedRequests reports whether the client is a local variable that
// is only ever used to send requests whose contexts are bounded:
// client.Do(req) with req built from a context.WithTimeout context.
func (c *checker) onlyBoundedRequests(b built) bool {
	if b.targetVar == nil || b.scope == nil {
		return false
	}
	info := c.pass.TypesInfo
	// client = &http.Client{...} gives the variable another value,
	// checked where it is written: no use of it.
	assigned := make(map[*ast.Ident]bool)
	ast.Inspect(b.scope, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[id] == b.targetVar {
					assigned[id] = true
				}
			}
		}
		return true
	})
	uses, bounded := 0, true
	ast.Inspect(b.scope, func(n ast.Node) bool {
		if !bounded {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && assigned[id] {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == b.targetVar {
					if sel.Sel.Name == "CloseIdleConnections" {
						return false // sends nothing
					}
					uses++
					if sel.Sel.Name != "Do" || len(call.Args) != 1 || !c.requestBounded(b.scope, call.Args[0]) {
						bounded = false
					}
					for _, arg := range call.Args {
						ast.Inspect(arg, func(n ast.Node) bool { return c.noUseOf(n, b.targetVar, &bounded) })
					}
					return false
				}
			}
		}
		return c.noUseOf(n, b.targetVar, &bounded)
	})
	return bounded && uses > 0
}

// fieldRequestsTimed reports whether the client is stored in an
// unexported field of this package that is only ever used to send
// requests whose context the sending function gives a deadline
// (ctx, cancel := context.WithTimeout(ctx, d); req, _ :=
// http.NewRequestWithContext(ctx, ...); d.client.Do(req)), and assigned.
func (c *checker) fieldRequestsTimed(b built) bool {
	info := c.pass.TypesInfo
	field, ok := b.stored.(*types.Var)
	if ok && !field.IsField() {
		field = c.fieldHolding(b, field) // client := &http.Client{...}; return &D{client: client}
	}
	if field == nil || !field.IsField() || field.Exported() || field.Pkg() != c.pass.Pkg {
		return false
	}
	sends, timed := 0, true
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			handled := make(map[*ast.SelectorExpr]bool)
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					for _, l := range n.Lhs {
						if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
							handled[sel] = true // a value stored, checked where it is built
						}
					}
				case *ast.CallExpr:
					fun, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
					if !ok {
						return true
					}
					if recv, ok := ast.Unparen(fun.X).(*ast.SelectorExpr); ok && info.Uses[recv.Sel] == field {
						handled[recv] = true
						sends++
						if fun.Sel.Name != "Do" || len(n.Args) != 1 || !source.RequestContextOrigin(info, fd.Body, n.Args[0]).Deadline {
							timed = false
						}
					}
				case *ast.SelectorExpr:
					if inner, ok := ast.Unparen(n.X).(*ast.SelectorExpr); ok && info.Uses[inner.Sel] == field {
						if f, isVar := info.Uses[n.Sel].(*types.Var); isVar && f.IsField() {
							handled[inner] = true // d.client.Transport: its settings, read
						}
					}
					if info.Uses[n.Sel] == field && !handled[n] {
						timed = false // handed on, or used otherwise
					}
				}
				return timed
			})
		}
	}
	return timed && sends > 0
}

// fieldHolding returns the struct field that v, the local variable the
// client was stored in, is handed to in a keyed literal of b's function
// and nowhere else, or nil.
func (c *checker) fieldHolding(b built, v *types.Var) *types.Var {
	if b.scope == nil {
		return nil
	}
	info := c.pass.TypesInfo
	var field *types.Var
	uses, held := 0, 0
	ast.Inspect(b.scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if id, ok := ast.Unparen(n.Value).(*ast.Ident); ok && info.Uses[id] == v {
				if key, ok := n.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() {
						field = f
						held++
					}
				}
			}
		case *ast.Ident:
			if info.Uses[n] == v {
				uses++
			}
		}
		return true
	})
	if held != 1 || uses != 1 {
		return nil
	}
	return field
}

// noUseOf clears *ok when n is a use of v; it is an ast.Inspect visitor.
func (c *checker) noUseOf(n ast.Node, v *types.Var, ok *bool) bool {
	if id, isID := n.(*ast.Ident); isID && c.pass.TypesInfo.Uses[id] == v {
		*ok = false
	}
	return *ok
}

// libraryClient checks a client a library builds (apis.ClientConstructors)
// as it checks &http.Client{}: reported unless a Timeout is set on it
// later, its requests are all bounded, or its context argument carries
// the client the library takes its settings from (oauth2.HTTPClient),
// whose own literal is checked where it is written.
func (c *checker) libraryClient(cur inspector.Cursor, call *ast.CallExpr, k *apis.ClientConstructor) {
	if k.CtxKey != "" {
		for _, arg := range call.Args {
			if apis.IsContext(c.pass.TypesInfo.TypeOf(arg)) && c.carriesKey(cur, arg, k.CtxKey) {
				return
			}
		}
	}
	b := c.describe(cur, nil)
	b.constructor = k.Display
	c.client(b)
}

// carriesKey reports whether the context expression e is, or is a local
// variable assigned, context.WithValue(_, key, _) with key the
// package-level variable named "path.Name".
func (c *checker) carriesKey(cur inspector.Cursor, e ast.Expr, key string) bool {
	info := c.pass.TypesInfo
	withKey := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 3 {
			return false
		}
		fn, _ := apis.Callee(info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" || fn.Name() != "WithValue" {
			return false
		}
		i := strings.LastIndex(key, ".")
		return isPkgVar(info, call.Args[1], key[:i], key[i+1:])
	}
	if withKey(e) {
		return true
	}
	v, ok := source.Used(info, e).(*types.Var)
	if !ok {
		return false
	}
	fn, ok := source.OutermostFunc(cur)
	if !ok {
		return false
	}
	for _, a := range source.AssignedValues(info, source.Body(fn.Node()), v) {
		if withKey(a.Expr) {
			return true
		}
	}
	return false
}
