package effects

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// node is a function body of this package (a declaration or a literal), or
// an interface method of this package standing for its implementations.
type node struct {
	fn     *types.Func // nil for literals
	lit    *ast.FuncLit
	decl   ast.Node // the *ast.FuncDecl or *ast.FuncLit; nil for interface methods
	body   *ast.BlockStmt
	params []*types.Var
	sum    Summary
	edges  []edge
	// waits is set when the function waits for the goroutines it starts.
	waits bool
	// misses are the parts of the body that run only when an in-process
	// cache missed (see cacheGuard and Effect.Cached).
	misses []posRange
	// failures are the parts of the body that run only when something
	// failed (see Effect.Failure).
	failures []posRange
	// capsBody is set when the function caps the request body
	// (http.MaxBytesReader): its body reads are bounded.
	capsBody bool
	// paramUses are found in the body directly.
	paramUses
	// retries are the bodies of the retry loops in the function.
	retries []ast.Node
	// guards are the calls that run only under a test of a parameter.
	guards map[*ast.CallExpr]Guard
	// spawned are the calls of go statements.
	spawned map[*ast.CallExpr]bool
	// fallbacks are the descriptions of the per-element loops that stop
	// at the first success (source.Loop.FirstSuccess).
	fallbacks map[string]bool
	// alternatives is set on an interface method's node, whose edges are
	// its implementations: a call runs one of them (see variantShare).
	alternatives bool
	// serves is set when the function serves a request (state.serves):
	// its *http.Request parameter is the request it serves.
	serves bool
}

// target is something a call may run.
type target struct {
	node   *node       // a function of this package
	fn     *types.Func // a function of another package (fact or program)
	effect *Effect     // a library call
	// name is prepended to the chains of the target's effects; "" for
	// literals and library calls, whose effects need no extra hop.
	name     string
	inferred bool
}

// edge is one way a node runs a target.
type edge struct {
	to    target
	async bool
	// spawned is set when the target runs in a goroutine of its own (a go
	// statement, a goroutine group), waited for or not: calls made that
	// way in a loop overlap instead of adding up.
	spawned bool
	// fallback is set when the innermost per-element loop around the call
	// stops at the first success: it usually makes one call.
	fallback bool
	// viaArg, when set, makes the edge conditional: it holds only if the
	// callee calls its argument number viaArg.arg (a callback).
	viaArg *argPass
	// param, when >= 0, records that the target is the node's own
	// parameter number param, called here (inLoop: once per element).
	param  int
	inLoop bool
	// args describes the call's arguments, for the callee's SQLParams and
	// LimitParams; site is the call's position.
	args []argValue
	site string
	pos  token.Pos
	// loop describes the innermost per-element loop around the call.
	loop string
	// looped is set when the call is inside a per-element or polling loop.
	looped bool
	// siteOnly marks edges that describe the call for its site but not
	// for the node's summary (a library call whose SQL text is a
	// parameter: the node's callers decide what it does).
	siteOnly bool
	// guard is the test of one of the node's parameters the call runs
	// under, if any.
	guard Guard
}

// argValue is what scanning learns about one argument.
type argValue struct {
	// param is the caller's own parameter the argument is, or -1.
	param int
	// text is the argument's string value, when known (see text): on
	// the path where no optional clause is added.
	text  string
	known bool
	// isConst is set when the argument is a constant; constVal is its
	// exact Go text (see Guard).
	isConst  bool
	constVal string
	// limitIfRequested is set when a LIMIT is added to text only on some
	// path (when the request asks for one).
	limitIfRequested bool
	// outbound is set when the argument is an *http.Request the caller
	// built to send (http.NewRequest), not one it serves.
	outbound bool
	// fields, for a keyed struct literal, are its fields' values (see
	// Guard.Field).
	fields *literalFields
	// fieldParam and field, for an argument p.F, are 1 + the index of the
	// caller's parameter p, a struct or a pointer to one, and F; or 0.
	fieldParam int
	field      string
	// spread is set on the last argument of a call f(x, list...);
	// variadic, when that argument is the caller's own variadic
	// parameter.
	spread, variadic bool
}

// argPass is a function value passed as an argument.
type argPass struct {
	callee []target
	arg    int
	// known is set for library callbacks (apis.Callbacks), which need no
	// summary: loop says whether they call the argument per element.
	known, loop bool
}

// state is one pass's work.
type state struct {
	pass  *analysis.Pass
	table *apis.Table
	nodes map[ast.Node]*node // *ast.FuncDecl and *ast.FuncLit keys
	funcs map[*types.Func]*node
	order []*node
	sites map[*ast.CallExpr]*Site
	// siteTargets keeps the raw targets of each site until solved.
	raw     map[*ast.CallExpr]rawSite
	dbTypes []types.Type // database handle types, for interface resolution
	dbDone  bool
	prog    *Program
	bound   map[*types.Var]*node
	// clamped caches clamps: parameters a function bounds before use.
	clamped map[*types.Var]bool
	// interfaces are the naming heuristic's interface suffixes.
	interfaces []string
	// assignments indexes the assignments of bodies and files, by node.
	assignments map[ast.Node]*source.Assignments
	// handlers is the package's handler model.
	handlers *handlerSet
	// fixed are the package-level variables and functions that hold or
	// return a list written in the code (FixedLists): exported as facts,
	// asked by Result.FixedList.
	fixed []types.Object
	// caps are the package's functions that cap the request body (see
	// bodyCaps), computed once.
	caps map[*types.Func]bool
	// backends holds a node per interface method of another package that
	// the program implements many times (see backendsNode).
	backends map[*types.Func]*node
}

// assigned returns the values assigned to v in body (a function body or
// a file), indexing body on first use.
func (s *state) assigned(body ast.Node, v types.Object) []source.Assigned {
	a := s.assignments[body]
	if a == nil {
		if s.assignments == nil {
			s.assignments = make(map[ast.Node]*source.Assignments)
		}
		a = source.IndexAssignments(s.pass.TypesInfo, body)
		s.assignments[body] = a
	}
	return a.Of(v)
}

type rawSite struct {
	targets []target
	args    []rawArg
	values  []argValue
	// limitArgs are arguments that become a row limit directly.
	limitArgs []int
	site      string
	// handler is set when the call is in a request handler: the request
	// it passes is the one it serves (Summary.BodyParams).
	handler bool
}

type rawArg struct {
	index int
	to    target
	pass  *argPass
}

func newState(pass *analysis.Pass, table *apis.Table, interfaces []string, prog *Program) *state {
	return &state{
		pass:       pass,
		table:      table,
		interfaces: interfaces,
		nodes:      make(map[ast.Node]*node),
		funcs:      make(map[*types.Func]*node),
		sites:      make(map[*ast.CallExpr]*Site),
		raw:        make(map[*ast.CallExpr]rawSite),
		bound:      make(map[*types.Var]*node),
		prog:       prog,
	}
}

// imported returns the summary of a function of another package: its
// fact, or in whole-program mode the program's summary.
func (s *state) imported(fn *types.Func) *Summary {
	fn = fn.Origin()
	if fn.Pkg() == s.pass.Pkg {
		return nil
	}
	var sum Summary
	if s.pass.ImportObjectFact(fn, &sum) {
		return &sum
	}
	if s.prog != nil {
		// Only a method the program resolved an interface call to can
		// lack a fact here (it is unexported): Program.implementations
		// marks the program consulted.
		return s.prog.summaries[fn]
	}
	return nil
}

// summaryOf returns the current summary of t.
func (s *state) summaryOf(t target) *Summary {
	switch {
	case t.node != nil:
		return &t.node.sum
	case t.fn != nil:
		return s.imported(t.fn)
	case t.effect != nil:
		return &Summary{Effects: []Effect{*t.effect}}
	}
	return nil
}

// collect creates a node per function and scans every body. Test files
// are left out: under go vet a package's test variant holds its test
// doubles (a mock whose method sleeps), whose effects are not the
// program's; the apilint command loads no tests.
func (s *state) collect() {
	for _, f := range s.pass.Files {
		if strings.HasSuffix(s.pass.Fset.File(f.FileStart).Name(), "_test.go") {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					return false
				}
				fn, _ := s.pass.TypesInfo.Defs[n.Name].(*types.Func)
				if fn == nil {
					return false
				}
				nd := &node{fn: fn, decl: n, params: source.Params(s.pass.TypesInfo, n), body: n.Body}
				s.nodes[n] = nd
				s.funcs[fn] = nd
				s.order = append(s.order, nd)
			case *ast.FuncLit:
				nd := &node{lit: n, decl: n, params: source.Params(s.pass.TypesInfo, n), body: n.Body}
				s.nodes[n] = nd
				s.order = append(s.order, nd)
			}
			return true
		})
	}
	s.interfaceNodes()
	s.findHandlers()
	// Which functions only return a map entry, before any body's cache
	// lookups are looked for (cacheGuard).
	for _, nd := range s.order {
		nd.sum.MapEntry = nd.fn != nil && nd.body != nil && s.returnsMapEntry(nd.body)
	}
	for fnNode, nd := range s.nodes {
		s.scan(nd, source.Body(fnNode))
	}
}

// interfaceNodes adds a node per method of each interface declared in
// this package, with edges to the implementations in this package.
func (s *state) interfaceNodes() {
	if s.dependency() {
		// A dependency: its interfaces' implementations in its own
		// package are choices the program may never make (a framework's
		// binding or minifier registry).
		return
	}
	concrete, ifaces := source.NamedTypes(s.pass.Pkg)
	for _, it := range ifaces {
		iface := it.Underlying().(*types.Interface)
		if iface.NumMethods() == 0 {
			continue
		}
		for i := 0; i < iface.NumExplicitMethods(); i++ {
			m := iface.ExplicitMethod(i)
			nd, through := s.methodNode(m)
			for _, impl := range implementations(concrete, iface, m) {
				if in := s.funcs[impl]; in != nil {
					nd.edges = append(nd.edges, edge{to: target{node: in, name: ChainName(impl)}, param: -1, args: through})
				}
			}
			if len(nd.edges) > 0 {
				s.funcs[m] = nd
				s.order = append(s.order, nd)
			}
		}
	}
}

// implementations returns the methods named like m of the types in
// candidates that implement iface. Test doubles (apis.IsTestDouble) are
// left out.
func implementations(candidates []*types.Named, iface *types.Interface, m *types.Func) []*types.Func {
	var out []*types.Func
	for _, t := range candidates {
		if apis.IsTestDouble(t) {
			continue
		}
		var recv types.Type = t
		if !types.Implements(t, iface) {
			recv = types.NewPointer(t)
			if !types.Implements(recv, iface) {
				continue
			}
		}
		obj, _, _ := types.LookupFieldOrMethod(recv, true, m.Pkg(), m.Name())
		if fn, ok := obj.(*types.Func); ok {
			out = append(out, fn.Origin())
		}
	}
	return out
}

// site returns "file.go:line" for pos.
func (s *state) site(pos token.Pos) string {
	p := s.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
