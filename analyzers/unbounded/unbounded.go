package unbounded

import (
	_ "embed"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

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
	s := &settings{}
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.MustDoc(doc, Name),
		URL:      "https://github.com/apilint/apilint#unbounded",
		Requires: []*analysis.Analyzer{inspect.Analyzer, fx},
	}
	a.Flags.BoolVar(&s.bodiesCapped, "bodies-capped", false,
		"the server caps request bodies where apilint cannot see it (http.MaxBytesHandler or a middleware installed by another package): do not report body reads")
	a.Run = func(pass *analysis.Pass) (any, error) {
		rep := findings.Start(pass, out)
		run(pass, rep, pass.ResultOf[fx].(*effects.Result), s)
		return nil, rep.Finish()
	}
	return a
}

// settings are the analyzer's flags.
type settings struct {
	bodiesCapped bool
}

type checker struct {
	pass *analysis.Pass
	rep  *findings.Reporter
	res  *effects.Result
	s    *settings
	// routes are the package's route registrations, by handler.
	routes map[any][]source.Route
}

func run(pass *analysis.Pass, rep *findings.Reporter, res *effects.Result, s *settings) {
	c := &checker{pass: pass, rep: rep, res: res, s: s, routes: source.Routes(pass.TypesInfo, pass.Files)}
	for _, h := range res.Handlers() {
		if file := source.FileOf(pass, handlerPos(h)); file == nil || source.Skip(pass, file) {
			continue
		}
		if h.Node == nil {
			// A handler of another package, registered here: its summary
			// is all there is, so only its body reads are judged.
			c.body(h, h.Summary)
			continue
		}
		c.list(h, h.Summary)
		c.pageSize(h)
		c.body(h, h.Summary)
	}
}

// handlerPos is where handler h is: its declaration, or for a handler of
// another package its registration here.
func handlerPos(h *effects.Handler) token.Pos {
	if h.Node != nil {
		return h.Node.Pos()
	}
	return h.At.Pos()
}
