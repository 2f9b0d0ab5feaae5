package effects

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
	"github.com/apilint/apilint/internal/sqltext"
)

// node is a function body of this package (a declaration or a literal), or
// an interface method of this package standing for its implementations.
type node struct {
	fn     *types.Func // nil for literals
	lit    *ast.FuncLit
	body   *ast.BlockStmt
	params []*types.Var
	sum    Summary
	edges  []edge
	// waits is set when the function waits for the goroutines it starts.
	waits bool
	// capsBody is set when the function caps the request body
	// (http.MaxBytesReader): its body reads are bounded.
	capsBody bool
	// paramUses are found in the body directly.
	paramUses
	// retries are the bodies of the retry loops in the function.
	retries []ast.Node
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
	// loop describes the innermost per-element loop around the call.
	loop string
	// looped is set when the call is inside a per-element or polling loop.
	looped bool
	// siteOnly marks edges that describe the call for its site but not
	// for the node's summary (a library call whose SQL text is a
	// parameter: the node's callers decide what it does).
	siteOnly bool
}

// argValue is what scanning learns about one argument.
type argValue struct {
	// param is the caller's own parameter the argument is, or -1.
	param int
	// text is the argument's constant string value, when known.
	text  string
	known bool
}

// argPass is a function value passed as an argument.
type argPass struct {
	callee []target
	arg    int
	// known is set for library callbacks (apis.Callbacks), which need no
	// summary: loop says whether they call the argument per element.
	known, loop bool
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

func (s *Summary) effects() []Effect {
	if s == nil {
		return nil
	}
	return s.Effects
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
	// interfaces are the naming heuristic's interface suffixes.
	interfaces []string
}

type rawSite struct {
	targets []target
	args    []rawArg
	values  []argValue
	// limitArgs are arguments that become a row limit directly.
	limitArgs []int
	site      string
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

// collect creates a node per function and scans every body.
func (s *state) collect() {
	for _, f := range s.pass.Files {
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
				nd := &node{fn: fn, params: source.Params(s.pass.TypesInfo, n), body: n.Body}
				s.nodes[n] = nd
				s.funcs[fn] = nd
				s.order = append(s.order, nd)
			case *ast.FuncLit:
				nd := &node{lit: n, params: source.Params(s.pass.TypesInfo, n), body: n.Body}
				s.nodes[n] = nd
				s.order = append(s.order, nd)
			}
			return true
		})
	}
	s.interfaceNodes()
	for fnNode, nd := range s.nodes {
		s.scan(nd, source.Body(fnNode))
	}
}

// interfaceNodes adds a node per method of each interface declared in
// this package, with edges to the implementations in this package.
func (s *state) interfaceNodes() {
	if m := s.pass.Module; m != nil && m.Version != "" {
		// A dependency: its interfaces' implementations in its own
		// package are choices the program may never make (a framework's
		// binding or minifier registry).
		return
	}
	scope := s.pass.Pkg.Scope()
	var concrete []*types.Named
	var ifaces []*types.Named
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		if types.IsInterface(named) {
			ifaces = append(ifaces, named)
		} else {
			concrete = append(concrete, named)
		}
	}
	for _, it := range ifaces {
		iface := it.Underlying().(*types.Interface)
		if iface.NumMethods() == 0 {
			continue
		}
		for i := 0; i < iface.NumExplicitMethods(); i++ {
			m := iface.ExplicitMethod(i)
			nd := &node{fn: m}
			for _, impl := range implementations(concrete, iface, m) {
				if in := s.funcs[impl]; in != nil {
					nd.edges = append(nd.edges, edge{to: target{node: in, name: ChainName(impl)}, param: -1})
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
// candidates that implement iface.
func implementations(candidates []*types.Named, iface *types.Interface, m *types.Func) []*types.Func {
	var out []*types.Func
	for _, t := range candidates {
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

// solve computes every node's summary: a fixpoint over the edges.
func (s *state) solve() {
	for changed := true; changed; {
		changed = false
		for _, nd := range s.order {
			if s.update(nd) {
				changed = true
			}
		}
	}
	for call, r := range s.raw {
		site := &Site{}
		site.LimitArgs = append(site.LimitArgs, r.limitArgs...)
		for _, t := range r.targets {
			pt := s.publicTarget(t)
			f := s.flow(t, pt.Summary, r.values, r.site)
			pt.Effects = f.effects
			site.Targets = append(site.Targets, pt)
			site.LimitArgs = append(site.LimitArgs, f.limitArgs...)
		}
		for _, a := range r.args {
			if calls, loop := s.callsArg(a.pass); calls {
				pt := s.publicTarget(a.to)
				pt.Effects = s.flow(a.to, pt.Summary, nil, r.site).effects
				site.Args = append(site.Args, Arg{Index: a.index, Loop: loop, Target: pt})
			}
		}
		slices.Sort(site.LimitArgs)
		site.LimitArgs = slices.Compact(site.LimitArgs)
		if len(site.Targets) > 0 || len(site.Args) > 0 || len(site.LimitArgs) > 0 {
			s.sites[call] = site
		}
	}
	s.raw = nil
}

func (s *state) publicTarget(t target) Target {
	return Target{
		Name:     t.name,
		Summary:  s.summaryOf(t),
		Inferred: t.inferred,
		Literal:  t.node != nil && t.node.lit != nil,
	}
}

// callsArg reports whether the callee of p calls its argument p.arg, and
// whether once per element.
func (s *state) callsArg(p *argPass) (calls, loop bool) {
	if p.known {
		return true, p.loop
	}
	for _, t := range p.callee {
		sum := s.summaryOf(t)
		if sum == nil {
			continue
		}
		if slices.Contains(sum.LoopParams, p.arg) {
			return true, true
		}
		if slices.Contains(sum.CallParams, p.arg) {
			calls = true
		}
	}
	return calls, false
}

// update recomputes nd's summary from its edges, reporting a change.
func (s *state) update(nd *node) bool {
	changed := nd.sum.addUses(nd.paramUses)
	for _, e := range nd.edges {
		if e.siteOnly {
			continue
		}
		inLoop := e.inLoop
		if e.viaArg != nil {
			calls, loop := s.callsArg(e.viaArg)
			if !calls {
				continue
			}
			inLoop = inLoop || loop
		}
		if e.param >= 0 {
			changed = addParam(&nd.sum.CallParams, e.param) || changed
			if inLoop {
				changed = addParam(&nd.sum.LoopParams, e.param) || changed
			}
			continue
		}
		sum := s.summaryOf(e.to)
		if sum == nil || sum == &nd.sum {
			continue
		}
		f := s.flow(e.to, sum, e.args, e.site)
		for _, eff := range f.effects {
			if eff.Kind == BodyRead && nd.capsBody {
				continue
			}
			if eff.Kind == UnboundedRead && !s.passesRows(e.to) {
				continue // the rows belong to one entity the callee returns
			}
			eff.Async = eff.Async || e.async
			eff.Looped = eff.Looped || e.looped || inLoop
			changed = nd.sum.add(eff) || changed
			if eff.Kind == HTTP && !eff.Async && inLoop {
				fan := eff
				fan.Kind, fan.Site, fan.Detail = HTTPFanout, e.site, e.loop
				if fan.Detail == "" {
					fan.Detail = "once per element (a helper calls it in a loop)"
				}
				changed = nd.sum.add(fan) || changed
			}
		}
		changed = nd.sum.addUses(f.paramUses) || changed
	}
	return changed
}

// passesRows reports whether target t hands its caller a collection, so
// that an unbounded read inside it is the caller's too: a function
// returning a slice, map, array, channel, iterator or result set passes
// its rows on; one returning a single entity (GetEntry → *Entry, whose
// enclosures it loaded) or only an error keeps them.
func (s *state) passesRows(t target) bool {
	var fn *types.Func
	switch {
	case t.node != nil && t.node.fn != nil:
		fn = t.node.fn
	case t.fn != nil:
		fn = t.fn
	default:
		return true // a library call or a function literal
	}
	res := fn.Signature().Results()
	for i := 0; i < res.Len(); i++ {
		if isCollection(res.At(i).Type()) {
			return true
		}
	}
	return false
}

// isCollection reports whether t holds many rows.
func isCollection(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map, *types.Chan:
		return true
	case *types.Signature:
		return u.Params().Len() == 1 // an iterator: func(yield func(...) bool)
	}
	pkg, name := apis.NamedOf(t)
	return apis.IsRowIterator(pkg, name, "Next")
}

// flowed is what running a target with given arguments does, seen from
// the caller: effects (chains start at the call), and which of the
// caller's parameters become SQL text, a row limit or a context that
// reaches a round trip; limitArgs are the call's arguments that become a
// row limit.
type flowed struct {
	effects []Effect
	paramUses
	limitArgs []int
}

// paramUses are the parameters of a function that become SQL text, a row
// limit, a context that reaches a round trip, or a lookup key.
type paramUses struct {
	sqlParams   []ParamUse
	limitParams []int
	ctxParams   []int
	keyParams   []int
}

// addUses adds u's parameters to the summary, reporting a change.
func (s *Summary) addUses(u paramUses) bool {
	changed := false
	for _, p := range u.sqlParams {
		changed = s.addSQLParam(p) || changed
	}
	for _, p := range u.limitParams {
		changed = addParam(&s.LimitParams, p) || changed
	}
	for _, p := range u.ctxParams {
		changed = addParam(&s.CtxParams, p) || changed
	}
	for _, p := range u.keyParams {
		changed = addParam(&s.KeyParams, p) || changed
	}
	return changed
}

// flow applies target t's summary to a call with arguments args at site.
func (s *state) flow(t target, sum *Summary, args []argValue, site string) flowed {
	var f flowed
	if sum == nil {
		return f
	}
	for _, e := range sum.Effects {
		f.effects = append(f.effects, e.through(t.name, false, t.inferred))
	}
	for _, u := range sum.SQLParams {
		if u.Param >= len(args) {
			continue
		}
		chain := u.Chain
		if t.name != "" {
			chain = append([]string{t.name}, chain...)
		}
		a := args[u.Param]
		switch {
		case a.known:
			shape := sqltext.Classify(a.text)
			kind := u.Kind
			if shape.Write {
				kind = DBWrite
			}
			f.effects = append(f.effects, Effect{Kind: kind, Chain: chain, Site: site, Inferred: t.inferred})
			if kind == DBReadMany {
				if eff, ok := unboundedSQL(a.text, chain, site); ok {
					eff.Inferred = t.inferred
					f.effects = append(f.effects, eff)
				}
			}
			// The placeholders follow the SQL text (helpers pass args... on).
			if n := shape.LimitParam; n > 0 && u.Param+n < len(args) {
				f.limitArgs = append(f.limitArgs, u.Param+n)
				if p := args[u.Param+n].param; p >= 0 {
					f.limitParams = append(f.limitParams, p)
				}
			}
		case a.param >= 0:
			f.sqlParams = append(f.sqlParams, ParamUse{Param: a.param, Chain: chain, Kind: u.Kind})
		default:
			f.effects = append(f.effects, Effect{Kind: u.Kind, Chain: chain, Site: site, Inferred: t.inferred})
		}
	}
	for _, p := range sum.LimitParams {
		f.limitArgs = append(f.limitArgs, p)
		if p < len(args) && args[p].param >= 0 {
			f.limitParams = append(f.limitParams, args[p].param)
		}
	}
	for _, p := range sum.CtxParams {
		if p < len(args) && args[p].param >= 0 {
			f.ctxParams = append(f.ctxParams, args[p].param)
		}
	}
	for _, p := range sum.KeyParams {
		if p >= len(args) {
			continue
		}
		switch a := args[p]; {
		case a.known && s.table.IsPagination(a.text):
			f.effects = append(f.effects, Effect{Kind: PageInput, Chain: []string{t.name}, Site: site, Detail: a.text})
		case a.param >= 0:
			f.keyParams = append(f.keyParams, a.param)
		}
	}
	return f
}

// export publishes the summaries of exported functions and methods
// (interface methods included) as facts: other packages can call only
// those, and every dependent decodes every fact.
func (s *state) export() {
	for fn, nd := range s.funcs {
		if !nd.sum.Empty() && fn.Pkg() == s.pass.Pkg && fn.Exported() {
			sum := nd.sum
			s.pass.ExportObjectFact(fn, &sum)
		}
	}
}
