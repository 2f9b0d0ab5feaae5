package effects

import (
	_ "embed"
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
		FactTypes:  []analysis.Fact{new(Summary), new(Summarised), new(Adapter), new(FixedList), new(BodyCap)},
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
		if r := prog.reuse(pass); r != nil {
			return r, nil
		}
		interfaces := o.Table.InterfaceSuffixes()
		if suffixes != nil {
			interfaces = suffixes
		}
		return run(pass, o.Table, interfaces, prog)
	}
	return a
}

func run(pass *analysis.Pass, table *apis.Table, interfaces []string, prog *Program) (res any, err error) {
	if m := pass.Module; m != nil && m.Version != "" {
		// A dependency's summaries help; a failure to compute them must
		// not fail the analysis of every package that imports it. What
		// went wrong in the program's own packages is reported.
		defer func() {
			if r := recover(); r != nil {
				res, err = &Result{s: newState(pass, table, interfaces, prog)}, nil
			}
		}()
	}
	s := newState(pass, table, interfaces, prog)
	if len(pass.Files) == 0 || isStd(pass) {
		return &Result{s: s}, nil
	}
	dbs := databases(pass)
	pass.ExportPackageFact(&Summarised{Databases: dbs})
	s.fixed = FixedLists(pass)
	s.collect()
	s.solve()
	s.export()
	s.completeHandlers()
	out := &Result{s: s, databases: dbs}
	out.bodyLimit, out.serverLimit = s.registersBodyLimit()
	out.cappedFuncs = s.cappedHandlers()
	s.release()
	return out, nil
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

// dependency reports whether the package analysed belongs to a module
// the program requires at a version (a library), not to the program's
// own modules. What a library does inside (its retries, its pagination,
// its context-less preloads) is the library's design, which the program
// cannot change.
func (s *state) dependency() bool {
	m := s.pass.Module
	return m != nil && m.Version != ""
}
