package unbounded

import (
	_ "embed"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/docs"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name and rule id.
const Name = "unbounded"

// New returns an unbounded analyzer for one run: it reads the program's
// effects from fx and reports through out.
func New(fx *analysis.Analyzer, out *findings.Options) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.MustDoc(doc, Name),
		URL:      "https://github.com/apilint/apilint#unbounded",
		Requires: []*analysis.Analyzer{inspect.Analyzer, fx},
		Run: func(pass *analysis.Pass) (any, error) {
			rep := findings.Start(pass, out)
			run(pass, rep, pass.ResultOf[fx].(*effects.Result))
			return nil, rep.Finish()
		},
	}
}

type checker struct {
	pass *analysis.Pass
	rep  *findings.Reporter
	res  *effects.Result
	// routes are the package's route registrations, by handler.
	routes map[any][]source.Route
}

func run(pass *analysis.Pass, rep *findings.Reporter, res *effects.Result) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, rep: rep, res: res, routes: source.Routes(pass.TypesInfo, pass.Files)}
	services := source.ServiceMethods(pass.Pkg)
	helpers := source.CalledOnly(pass.Fset, pass.TypesInfo, pass.Files)
	var handlers []source.HandlerFunc
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		found := source.Handlers(pass.TypesInfo, services, helpers, fileCur)
		if !source.Skip(pass, file) {
			handlers = append(handlers, found...)
		}
	}
	for _, h := range handlers {
		sum := c.summary(h)
		c.list(h, sum)
		c.pageSize(h)
		c.body(h, sum)
	}
}

// summary returns the effects of handler h.
func (c *checker) summary(h source.HandlerFunc) *effects.Summary {
	switch n := h.Cursor.Node().(type) {
	case *ast.FuncDecl:
		return c.res.Func(funcObj(c.pass, n))
	case *ast.FuncLit:
		return c.res.Lit(n)
	}
	return nil
}
