package notimeout

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/docs"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name and rule id.
const Name = "notimeout"

// settings are the analyzer's flags.
type settings struct {
	// all reports context-less calls where no context is in scope.
	all bool
	// requestDeadline says a middleware gives every request's context a
	// deadline, in a package apilint does not see from the handlers'.
	requestDeadline bool
}

// New returns a notimeout analyzer for one run: it reads the program's
// effects from fx and reports through out.
func New(fx *analysis.Analyzer, out *findings.Options) *analysis.Analyzer {
	s := &settings{}
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.MustDoc(doc, Name),
		URL:      "https://github.com/apilint/apilint#notimeout",
		Requires: []*analysis.Analyzer{inspect.Analyzer, fx},
	}
	a.Flags.BoolVar(&s.all, "all", false,
		"also report database and HTTP calls without a context where no context is in scope (level note)")
	a.Flags.BoolVar(&s.requestDeadline, "request-deadline", false,
		"every request's context has a deadline (a timeout middleware installed where the handlers' packages do not see it)")
	a.Run = func(pass *analysis.Pass) (any, error) {
		rep := findings.Start(pass, out)
		run(pass, rep, pass.ResultOf[fx].(*effects.Result), s)
		return nil, rep.Finish()
	}
	return a
}

// checker holds one pass's state.
type checker struct {
	pass  *analysis.Pass
	rep   *findings.Reporter
	s     *settings
	table *apis.Table
	res   *effects.Result
	file  *ast.File

	// pending are deadline findings held until the package is seen;
	// requestDeadline is set when it installs a timeout middleware.
	pending         []pendingFinding
	requestDeadline bool
}

func run(pass *analysis.Pass, rep *findings.Reporter, res *effects.Result, s *settings) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, rep: rep, s: s, table: res.Table(), res: res, requestDeadline: s.requestDeadline}
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if source.Skip(pass, file) {
			continue
		}
		c.file = file
		for cur := range fileCur.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.ValueSpec)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(cur, n)
			case *ast.CompositeLit:
				c.literal(cur, n)
			case *ast.ValueSpec:
				c.zeroValue(cur, n)
			}
		}
	}
	c.flushDeadlines()
	for _, h := range res.Handlers() {
		c.unboundedByRequest(h)
	}
}

// call dispatches on what a call expression calls.
func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	if source.BuiltinName(c.pass.TypesInfo, call) == "new" {
		c.newBuiltin(cur, call)
		return
	}
	fn, recv := apis.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	pkg, recvName, name := apis.CallKey(fn, recv)
	if timeoutMiddleware(pkg, recvName, name) {
		c.requestDeadline = true
	}
	switch {
	case pkg == "net/http" && recvName == "" && apis.DefaultClientFuncs[name]:
		c.defaultClientFunc(call, name)
	case apis.IsDefaultClientCall(c.pass.TypesInfo, call, fn):
		c.defaultClientMethod(cur, call, name)
	case pkg == "net/http" && recvName == "Client" && apis.DefaultClientFuncs[name]:
		c.customClientMethod(cur, call, name)
	case pkg == "net" && recvName == "" && name == "Dial":
		c.dial(call)
	case pkg == "net" && recvName == "":
		c.lookup(cur, call, name)
	case pkg == "crypto/tls" && recvName == "" && name == "Dial":
		c.tlsDial(cur, call)
	}
	if k := apis.LookupClientConstructor(pkg, recvName, name); k != nil {
		c.libraryClient(cur, call, k)
	}
	if s := apis.LookupServerStart(pkg, recvName, name); s != nil {
		c.serverStart(cur, call, s)
	}
	if entry := c.table.Lookup(fn, recv); entry != nil {
		if entry.WithCtx != "" {
			c.missingContext(cur, call, fn, entry)
		}
		c.backgroundInHandler(cur, call, fn, entry)
	} else {
		c.backgroundToProgram(cur, call)
		c.deadlineCaller(cur, call)
	}
}

// isPkgVar reports whether e refers to the package-level variable pkg.name.
func isPkgVar(info *types.Info, e ast.Expr, pkg, name string) bool {
	v, ok := source.Used(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == pkg && v.Name() == name && v.Parent() == v.Pkg().Scope()
}
