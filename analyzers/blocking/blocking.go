package blocking

import (
	_ "embed"
	"go/ast"
	"go/types"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/docs"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name and rule id.
const Name = "blocking"

// New returns a blocking analyzer for one run: it reads the program's
// effects from fx and reports through out.
func New(fx *analysis.Analyzer, out *findings.Options) *analysis.Analyzer {
	words := wordSet{}
	words.Set(defaultDiagnostic)
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.MustDoc(doc, Name),
		URL:      "https://github.com/apilint/apilint#blocking",
		Requires: []*analysis.Analyzer{inspect.Analyzer, fx},
		Run: func(pass *analysis.Pass) (any, error) {
			rep := findings.Start(pass, out)
			run(pass, rep, pass.ResultOf[fx].(*effects.Result), words.set)
			return nil, rep.Finish()
		},
	}
	a.Flags.Var(&words, "diagnostic",
		"comma-separated words that, in a handler's route or name, mark a diagnostic endpoint whose response is the outcome of its slow work (\"\" reports them too)")
	return a
}

func run(pass *analysis.Pass, rep *findings.Reporter, res *effects.Result, diag map[string]bool) {
	queue := queueOf(pass.Pkg)
	decls := source.FuncDecls(pass.TypesInfo, pass.Files)
	for _, h := range res.Handlers() {
		pos := h.At
		if h.Node != nil {
			pos = h.Node
		}
		if file := source.FileOf(pass, pos.Pos()); file == nil || source.Skip(pass, file) {
			continue
		}
		if waits(h) || takesOver(pass, h, decls) || diagnostic(h, diag) {
			continue
		}
		head := h.Name
		if h.Func != nil {
			head = effects.ChainName(h.Func)
		}
		for _, kind := range []effects.Kind{effects.Blocking, effects.HTTPFanout} {
			// One backend's work (Effect.Variant) runs only where that
			// backend is configured; work on a failure path (Effect.Failure)
			// only when something failed.
			// One request over SSH is a round trip whose reply the
			// handler needs, like one outbound HTTP request.
			if e, ok := h.Summary.Find(false, kind); ok && !e.Variant && !e.Failure && e.Detail != apis.SSHRequest {
				report(pass, rep, res, h, head, e, queue)
			}
		}
	}
}

func report(pass *analysis.Pass, rep *findings.Reporter, res *effects.Result, h *effects.Handler, head string, e effects.Effect, queue string) {
	var at ast.Node
	switch {
	case h.Node == nil:
		at = h.At
	case res.Locate(source.Body(h.Node), e) != nil:
		at = res.Locate(source.Body(h.Node), e)
		if e.Detail == apis.RunsCommand && outputIsResponse(pass, h.Node, at) {
			return
		}
		if e.Detail == "sleeps" && rejects(pass, source.Body(h.Node), at) {
			return
		}
	default:
		at = h.Node
		if decl, ok := h.Node.(*ast.FuncDecl); ok {
			at = decl.Name
		}
	}
	call := e.Call()
	if e.Site != "" {
		call += " (" + e.Site + ")"
	}
	if e.Chain.Len > 1 {
		call += ", reached through " + strings.Join(e.Chain.Callers(), " → ")
	}
	var what, why string
	switch {
	case e.Kind == effects.HTTPFanout:
		what = "sends one outbound HTTP request " + e.Detail + " before it responds: " + call
		why = "the response time grows with the list, one slow endpoint stalls them all, and under load requests pile up"
	case e.Detail == "sleeps":
		what = "sleeps: " + call
		why = "the request holds its goroutine and connection doing nothing, and under load they pile up"
	case e.Detail != "":
		what = e.Detail + " synchronously: " + call
		why = "the response waits for a remote service (hundreds of milliseconds, or a timeout), and under load requests pile up behind it"
	default:
		what = "makes a call configured as blocking: " + call
		why = "the response waits for it, and under load requests pile up behind it"
	}
	fix := "respond 202 Accepted with a job id and do the work in a worker or a queue"
	if h.Framework == "gRPC" || h.Framework == "Connect" {
		fix = "return an operation id at once (a long-running operation the client polls) and do the work in a worker or a queue"
	}
	if queue != "" {
		fix += " (the project uses " + queue + ")"
	}
	if e.Kind == effects.HTTPFanout {
		// The response may need the results: overlapping the requests
		// is the fix that always applies.
		fix = "send the requests concurrently with a bound (errgroup with SetLimit) or as one batch call; if the response " +
			"does not need their results, " + fix
	}
	rep.Report(findings.Finding{
		Pos:     at.Pos(),
		End:     at.End(),
		Message: "request handler " + h.Name + " " + what + ": " + why + "; " + fix,
		Chain:   append([]string{head}, e.Chain.Steps()...),
	})
}

// outputIsResponse reports whether the call at, in the body of handler
// fn, is given the response writer as the destination of its output: as
// an argument, or set as a field of its receiver or of an argument
// (cmd.Stdout = w, exec.Cmd{Stdout: w}). The response writer is the
// handler's http.ResponseWriter parameter, or a value a framework
// context hands out that writes the response (gin's c.Writer, echo's
// c.Response()). A command whose output is streamed as the response
// (git's smart HTTP, pg_dump to a download) is the response being
// produced: it cannot be answered with 202 Accepted.
func outputIsResponse(pass *analysis.Pass, fn ast.Node, at ast.Node) bool {
	call, ok := at.(*ast.CallExpr)
	if !ok {
		return false
	}
	info := pass.TypesInfo
	var writers []types.Object
	for _, p := range source.Params(info, fn) {
		if apis.IsResponseWriterType(p.Type()) {
			writers = append(writers, p)
		}
	}
	isWriter := func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return slices.Contains(writers, info.Uses[x])
		case *ast.SelectorExpr, *ast.CallExpr:
			// c.Writer, c.Response(): a response writer taken from a
			// framework's request context parameter.
			return writesResponse(info.TypeOf(x)) && apis.ContextSourceOf(info.TypeOf(source.Operand(x))) != nil
		}
		return false
	}
	carriers := slices.Clone(call.Args)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		carriers = append(carriers, sel.X)
	}
	body := source.Body(fn)
	for _, a := range carriers {
		if isWriter(a) {
			return true
		}
		id, ok := ast.Unparen(a).(*ast.Ident)
		if !ok {
			continue
		}
		v := info.Uses[id]
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt: // v.Stdout = w
				for i, lhs := range n.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && i < len(n.Rhs) && isWriter(n.Rhs[i]) {
						if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[x] == v {
							found = true
						}
					}
				}
			case *ast.KeyValueExpr: // v := &Cmd{Stdout: w}
				if isWriter(n.Value) {
					for _, as := range source.AssignedValues(info, body, v) {
						if as.Expr != nil && as.Expr.Pos() <= n.Pos() && n.End() <= as.Expr.End() {
							found = true
						}
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// writesResponse reports whether t has the methods of an
// http.ResponseWriter (Header, Write, WriteHeader).
func writesResponse(t types.Type) bool {
	if t == nil {
		return false
	}
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for _, name := range []string{"Header", "Write", "WriteHeader"} {
		if ms.Lookup(nil, name) == nil {
			return false
		}
	}
	return true
}

// queueOf returns the name of a queue library the package imports,
// directly or through the packages it imports, or "".
func queueOf(pkg *types.Package) string {
	seen := make(map[*types.Package]bool)
	var walk func(p *types.Package, depth int) string
	walk = func(p *types.Package, depth int) string {
		if seen[p] || depth > 3 {
			return ""
		}
		seen[p] = true
		for _, q := range apis.Queues {
			if strings.HasPrefix(p.Path(), q.Pkg) {
				return q.Name
			}
		}
		for _, imp := range p.Imports() {
			if name := walk(imp, depth+1); name != "" {
				return name
			}
		}
		return ""
	}
	return walk(pkg, 0)
}

// longPoll names the RPC methods whose purpose is to wait: a long-poll
// or a watch holds the call until something happens.
var longPoll = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(LongPoll|Poll|Watch|Wait|Subscribe|Stream)`) })

// waits reports whether h is an RPC method that waits on purpose, and is
// not a request/response handler for blocking: a streaming method (it
// takes a server stream) or a long-poll (its name starts with Poll,
// Watch, Wait, Subscribe or Stream).
func waits(h *effects.Handler) bool {
	if h.Func == nil || h.Framework != "gRPC" && h.Framework != "Connect" {
		return false
	}
	params := h.Func.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if isServerStream(params.At(i).Type()) {
			return true
		}
	}
	return longPoll().MatchString(h.Func.Name())
}

// isServerStream reports whether t is a streaming RPC's stream: it can
// send and receive messages (gRPC's ServerStream, Connect's streams).
func isServerStream(t types.Type) bool {
	ms := types.NewMethodSet(t)
	has := func(name string) bool {
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == name {
				return true
			}
		}
		return false
	}
	return has("SendMsg") && has("RecvMsg") || has("Send") && has("Receive")
}

// takesOver reports whether handler h turns its request into a long-lived
// connection (apis.Takeovers: a WebSocket upgrade, a hijack): what it
// then runs serves that connection.
func takesOver(pass *analysis.Pass, h *effects.Handler, decls map[*types.Func]*ast.FuncDecl) bool {
	if h.Node == nil {
		return false
	}
	seen := make(map[ast.Node]bool)
	var in func(body ast.Node, depth int) bool
	in = func(body ast.Node, depth int) bool {
		if body == nil || seen[body] {
			return false
		}
		seen[body] = true
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if found || !ok {
				return !found
			}
			fn, recv := apis.Callee(pass.TypesInfo, call)
			if fn == nil {
				return true
			}
			pkg, r, name := apis.CallKey(fn, recv)
			found = apis.IsTakeover(pkg, r, name)
			// Or in a function of the package it calls, which serves
			// the same connection: ServeHTTP → do → sendRunEvents.
			if d := decls[fn.Origin()]; !found && d != nil && d.Body != nil && depth < 3 {
				found = in(d.Body, depth+1)
			}
			return !found
		})
		return found
	}
	return in(source.Body(h.Node), 0)
}
