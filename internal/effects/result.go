package effects

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/reach"
	"github.com/apilint/apilint/internal/source"
)

// Table returns the knowledge the run uses.
func (r *Result) Table() *apis.Table { return r.s.table }

// Result gives the analyzers the summaries of the package's functions and
// what each call expression may run.
type Result struct {
	s *state
	// bodyLimit is set when the package caps request bodies server-wide;
	// serverLimit when it does so for a whole server or router it builds
	// (http.MaxBytesHandler), which may serve other packages' handlers.
	bodyLimit, serverLimit bool
	// cappedFuncs are the functions the package passes to a wrapper that
	// caps the request body before calling them (cappedHandlers).
	cappedFuncs []*types.Func
	// databases are those of the drivers the package imports (see
	// Summarised).
	databases []apis.Database

	handlersOnce sync.Once
	handlers     []*Handler
	databaseOnce sync.Once
	database     apis.Database
	startUpOnce  sync.Once
	mainStartUp  map[*types.Func]bool
}

// Database returns the database the package talks to: the one whose
// drivers it imports, directly or not (through the facts of summarised
// packages, and its imports' import lists where they are complete), or
// "" when none or several are. A package that imports none, in the
// apilint command, takes the whole program's one database.
//
// Analyzers ask once per finding; the answer is computed once.
func (r *Result) Database() apis.Database {
	if r == nil || r.s == nil {
		return ""
	}
	r.databaseOnce.Do(func() {
		found := slices.Clone(r.databases)
		if d := apis.DatabaseOf(r.s.pass.Pkg); d != "" && !slices.Contains(found, d) {
			found = append(found, d)
		}
		switch {
		case len(found) == 1:
			r.database = found[0]
		case len(found) == 0 && r.s.prog != nil:
			// A package above the storage code, whose driver only main
			// imports: the whole program says which database it is.
			r.database = r.s.prog.database
		}
	})
	return r.database
}

// BodyLimited reports whether the package caps request bodies for a
// whole server or router: http.MaxBytesHandler, echo's BodyLimit,
// gin-contrib/size, or http.MaxBytesReader in a middleware; or, in the
// apilint command, which loads the whole program, whether a package that
// imports this one wraps a whole server or router so (main wrapping the
// mux with http.MaxBytesHandler; a middleware there caps that package's
// routes only). The vet tool cannot see the latter: the unbounded
// analyzer's bodies-capped setting says so.
func (r *Result) BodyLimited() bool {
	return r != nil && (r.bodyLimit || r.s.prog.cappedBy(r.s.pass.Pkg))
}

// HandlerCapped reports whether fn is passed to a wrapper that caps the
// request body before calling it: in this package, or, in the apilint
// command, anywhere in the program (middleWareFunc(apiv1.SetChaos) in the
// package that registers the routes). The vet tool sees only this
// package's wrappers.
func (r *Result) HandlerCapped(fn *types.Func) bool {
	if r == nil || fn == nil {
		return false
	}
	fn = fn.Origin()
	for _, f := range r.cappedFuncs {
		if f == fn {
			return true
		}
	}
	return r.s.prog.handlerCapped(fn)
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

// StartUpOnly reports whether fn runs only while the program starts: main
// and init call it, by name, and nothing else runs it (reach.StartUp).
// The apilint command, which loads the whole program, knows it in every
// package; under go vet only a main package's own functions are known
// (mainStartUp).
func (r *Result) StartUpOnly(fn *types.Func) bool {
	if r == nil || fn == nil {
		return false
	}
	if r.s.prog != nil && r.s.prog.startUp[fn.Origin()] {
		return true
	}
	r.startUpOnce.Do(func() { r.mainStartUp = mainStartUp(r.s.pass) })
	return r.mainStartUp[fn.Origin()]
}

// AtStartUp reports whether cur runs once per process start: in a
// function that only start-up code calls (StartUpOnly: in the apilint
// command in any package, under go vet in a main package), or in what a
// command-line command written there runs (&cobra.Command{RunE: func...}),
// outside any other function literal and any loop that runs until the
// process stops.
func (r *Result) AtStartUp(cur inspector.Cursor) bool {
	if r == nil {
		return false
	}
	info := r.s.pass.TypesInfo
	fn, ok := source.EnclosingFunc(cur)
	if !ok {
		return false
	}
	body := source.Body(fn.Node())
	for {
		if _, isLit := fn.Node().(*ast.FuncLit); !isLit {
			break
		}
		// What a command-line command runs, written in the function
		// that builds the command, or a literal handed to what runs it
		// at once (a transaction: db.Transaction(func(tx) error {...}),
		// store.WithTx(ctx, func(tx) error {...})): start-up code if the
		// function it is written in is.
		if !commandRun(info, fn) && !r.runsNow(fn) {
			return false
		}
		if fn, ok = source.EnclosingFunc(fn.Parent()); !ok {
			return false
		}
	}
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, _ := info.Defs[decl.Name].(*types.Func)
	if obj == nil || !r.StartUpOnly(obj) {
		return false
	}
	return !source.Within(source.Repeating(info, body), cur.Node())
}

// runsNow reports whether lit, a function literal, is an argument of a
// call that runs it before it returns: a library's transaction
// (apis.Callbacks), or, in the apilint command, a function of the program
// that only calls that parameter, or an interface method every
// implementation of which does (reach.RunNow).
func (r *Result) runsNow(lit inspector.Cursor) bool {
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	i := slices.Index(call.Args, ast.Expr(lit.Node().(*ast.FuncLit)))
	if i < 0 {
		return false
	}
	info := r.s.pass.TypesInfo
	fn, _ := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	var now map[*types.Func][]int
	if r.s.prog != nil {
		now = r.s.prog.runNow
	}
	return slices.Contains(reach.RunsArgs(info, call, fn, now), i)
}

// commandRun reports whether lit, a function literal, is what a
// command-line command runs when it is invoked (apis.CommandRun):
// &cobra.Command{RunE: func(...) error {...}}, or cmd.Action = func....
func commandRun(info *types.Info, lit inspector.Cursor) bool {
	owner := lit.Parent().Node()
	if _, ok := owner.(*ast.KeyValueExpr); ok {
		owner = lit.Parent().Parent().Node()
	}
	return slices.Contains(apis.CommandRuns(info, owner), ast.Expr(lit.Node().(*ast.FuncLit)))
}

// mainStartUp returns the functions of a main package that run only at
// start-up, once per process (reach.StartUp, on the package alone): main
// and init, the commands a command-line framework runs, and the functions
// that only those call, by name, outside any function literal and go
// statement. It is what go vet, which sees one package at a time, knows
// of start-up code. A function also referenced as a value (a handler, a
// callback, a goroutine's body) may run at any time, and is not one of
// them.
func mainStartUp(pass *analysis.Pass) map[*types.Func]bool {
	if pass.Pkg.Name() != "main" {
		return nil
	}
	p := &reach.Package{Fset: pass.Fset, Types: pass.Pkg, Info: pass.TypesInfo, Files: pass.Files}
	return reach.StartUp([]*reach.Package{p}, &reach.Program{Interfaces: reach.Interfaces(pass.Pkg)})
}

// Listed reports whether fn is variadic and every call of it in the
// program lists its variadic arguments one by one (reach.Listed): a loop
// over that parameter runs once per argument the code writes. Only the
// apilint command knows; under go vet it is false.
func (r *Result) Listed(fn *types.Func) bool {
	return r != nil && fn != nil && r.s.prog != nil && r.s.prog.listed[fn.Origin()]
}

// OneElement reports whether parameter i of fn is a collection every
// call in the program fills with at most one element (reach.OneElement):
// a loop over it runs at most once. Only the apilint command knows; under
// go vet it is false.
func (r *Result) OneElement(fn *types.Func, i int) bool {
	return r != nil && fn != nil && r.s.prog != nil && slices.Contains(r.s.prog.oneElement[fn.Origin()], i)
}

// FixedList reports whether obj, a package-level variable or a function,
// is a list written in the code (see FixedList), in this package or,
// through facts, in a dependency.
func (r *Result) FixedList(obj types.Object) bool {
	if r == nil || obj == nil || obj.Pkg() == nil {
		return false
	}
	if fn, ok := obj.(*types.Func); ok {
		obj = fn.Origin()
	}
	if obj.Pkg() == r.s.pass.Pkg {
		return slices.Contains(r.s.fixed, obj)
	}
	return r.s.pass.ImportObjectFact(obj, new(FixedList))
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
			if (se.Kind == e.Kind || se.Kind == kind) && se.Chain.Same(e.Chain) {
				found = call
				return false
			}
		}
		return true
	})
	if found != nil || e.Chain.Len != 1 || e.Site == "" {
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

// Site is what a call expression may run.
type Site struct {
	// Targets are the functions the call may run: its callee, or for
	// interface calls every implementation apilint could resolve.
	Targets []Target
	// Args are function values passed to the call that the callee calls.
	Args []Arg
	// LimitArgs are the indexes of arguments that end up as a query's row
	// limit: a LIMIT placeholder, .Limit(n), or a callee's LimitParams.
	LimitArgs []int
}

// Target is one function a call may run.
type Target struct {
	// Name is the function's chain name; "" for function literals and
	// for library calls, whose effect's chain names the call.
	Name     string
	Summary  *Summary
	Inferred bool
	// Literal is set for function literals.
	Literal bool
	// Effects are what running the target with this call's arguments
	// does, with chains that start at the call.
	Effects []Effect
}

// Arg is a function value passed to a call that the callee calls.
type Arg struct {
	Index  int
	Target Target
	// Loop is set when the callee calls it once per element of a loop.
	Loop bool
}

// Effects returns what one execution of the call may do: its targets'
// effects and those of the function arguments the callee calls, with
// chains that start at the call.
func (s *Site) Effects() []Effect {
	if s == nil {
		return nil
	}
	var sum Summary
	for _, t := range s.Targets {
		for _, e := range t.Effects {
			sum.add(e)
		}
	}
	for _, a := range s.Args {
		for _, e := range a.Target.Effects {
			sum.add(e)
		}
	}
	return sum.Effects
}

// Handlers returns the package's request handlers, in source order:
// those declared here, and those of other packages registered here (At
// set). See Handler.
//
// The analyzers that require the effects analyzer run concurrently on
// one Result: the list is completed once.
func (r *Result) Handlers() []*Handler {
	if r == nil || r.s.handlers == nil {
		return nil
	}
	r.handlersOnce.Do(func() { r.handlers = r.s.handlers.list() })
	return r.handlers
}

// completeHandlers points each handler declared here at its summary, once
// solved, before any analyzer reads them.
func (s *state) completeHandlers() {
	if s.handlers == nil {
		return
	}
	for _, h := range s.handlers.byNode {
		if h.Summary == nil {
			if nd := s.nodes[h.Node]; nd != nil {
				h.Summary = &nd.sum
			}
		}
		s.prog.giveRoutes(h)
	}
}

// Handler returns the handler whose declaration or literal is fn, or nil.
func (r *Result) Handler(fn ast.Node) *Handler {
	if r == nil || r.s.handlers == nil {
		return nil
	}
	return r.s.handlers.byNode[fn]
}
