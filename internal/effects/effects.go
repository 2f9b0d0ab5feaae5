package effects

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/docs"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name; its flags are -effects.<flag>.
const Name = "effects"

// Options configure the analyzer for one run.
type Options struct {
	// Table is the run's knowledge: the builtin tables and the
	// configuration's extensions. nil means apis.Default().
	Table *apis.Table
	// Program, when set, holds the whole program as the standalone
	// driver loaded it (see Program); the driver replaces it between
	// rounds, never while passes run.
	Program *atomic.Pointer[Program]
}

// New returns the effects analyzer for one run. It computes function
// summaries and reports nothing. Its flags: -effects.interfaces replaces
// the naming heuristic's suffixes; -effects.config names the
// configuration file, which the drivers read before building analyzers.
func New(o Options) *analysis.Analyzer {
	if o.Table == nil {
		o.Table = apis.Default()
	}
	var suffixes suffixList
	a := &analysis.Analyzer{
		Name:       Name,
		Doc:        docs.MustDoc(doc, Name),
		URL:        "https://github.com/apilint/apilint#how-it-works",
		FactTypes:  []analysis.Fact{new(Summary)},
		ResultType: reflect.TypeOf((*Result)(nil)),
	}
	a.Flags.Var(&suffixes, "interfaces",
		"comma-separated suffixes of interface type names whose methods are assumed to query a database when no implementation is visible")
	a.Flags.String("config", "", "configuration file (default: .apilint.yml found from the package directory upward)")
	a.Run = func(pass *analysis.Pass) (any, error) {
		var prog *Program
		if o.Program != nil {
			prog = o.Program.Load()
		}
		interfaces := o.Table.InterfaceSuffixes()
		if suffixes != nil {
			interfaces = suffixes
		}
		return run(pass, o.Table, interfaces, prog)
	}
	return a
}

// Table returns the knowledge the run uses.
func (r *Result) Table() *apis.Table { return r.s.table }

// Result gives the analyzers the summaries of the package's functions and
// what each call expression may run.
type Result struct {
	s *state
	// bodyLimit is set when the package caps request bodies server-wide.
	bodyLimit bool
}

// BodyLimited reports whether the package, or in whole-program mode any
// package of the program, caps request bodies for a whole server:
// http.MaxBytesHandler, echo's BodyLimit, gin-contrib/size, or
// http.MaxBytesReader in a middleware (a function that is not a handler).
func (r *Result) BodyLimited() bool {
	if r == nil {
		return false
	}
	if p := r.s.prog; p != nil && p.bodyLimit {
		return true
	}
	return r.bodyLimit
}

// Func returns the summary of fn, declared in this package or (through
// facts) in a dependency; nil when nothing is known.
func (r *Result) Func(fn *types.Func) *Summary {
	if r == nil || fn == nil {
		return nil
	}
	if n := r.s.funcs[fn.Origin()]; n != nil {
		return &n.sum
	}
	return r.s.imported(fn)
}

// Lit returns the summary of a function literal of this package.
func (r *Result) Lit(lit *ast.FuncLit) *Summary {
	if r == nil {
		return nil
	}
	if n := r.s.nodes[lit]; n != nil {
		return &n.sum
	}
	return nil
}

// At describes what call may run; nil for calls apilint knows nothing about.
func (r *Result) At(call *ast.CallExpr) *Site {
	if r == nil {
		return nil
	}
	return r.s.sites[call]
}

// Locate returns the node in body (a handler's) through which the
// function has effect e: the first call whose own effects include e with
// the same chain (an HTTP fan-out matches its HTTP call), or, for an
// effect of the body itself that is not a call (<-time.After), the first
// node on e's line. nil when there is none.
func (r *Result) Locate(body ast.Node, e Effect) ast.Node {
	want := strings.Join(e.Chain, " ")
	kind := e.Kind
	if kind == HTTPFanout {
		kind = HTTP
	}
	var found ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, se := range r.At(call).Effects() {
			if (se.Kind == e.Kind || se.Kind == kind) && strings.Join(se.Chain, " ") == want {
				found = call
				return false
			}
		}
		return true
	})
	if found != nil || len(e.Chain) != 1 || e.Site == "" {
		return found
	}
	fset := r.s.pass.Fset
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil || n == nil {
			return false
		}
		p := fset.Position(n.Pos())
		if _, isBlock := n.(*ast.BlockStmt); !isBlock && fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line) == e.Site {
			found = n
			return false
		}
		return true
	})
	return found
}

func run(pass *analysis.Pass, table *apis.Table, interfaces []string, prog *Program) (any, error) {
	s := newState(pass, table, interfaces, prog)
	if len(pass.Files) == 0 || isStd(pass) {
		return &Result{s: s}, nil
	}
	s.collect()
	s.solve()
	s.export()
	return &Result{s: s, bodyLimit: s.registersBodyLimit()}, nil
}

// isStd reports whether pass analyzes a standard library package, which
// the tables describe.
func isStd(pass *analysis.Pass) bool {
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	name := pass.Fset.File(pass.Files[0].FileStart).Name()
	return strings.HasPrefix(name, root)
}

// ChainName names a function in call chains: "store.(*PG).GetUser",
// "store.Store.GetUser", "api.listOrders".
func ChainName(fn *types.Func) string {
	prefix := ""
	if fn.Pkg() != nil {
		prefix = fn.Pkg().Name() + "."
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return prefix + fn.Name()
	}
	t := recv.Type()
	ptr := false
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		ptr, t = true, p.Elem()
	}
	_, name := apis.NamedOf(t)
	if name == "" {
		name = "?"
	}
	if ptr {
		return prefix + "(*" + name + ")." + fn.Name()
	}
	return prefix + name + "." + fn.Name()
}
