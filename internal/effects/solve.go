package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/apilint/apilint/internal/apis"
)

// solve computes every node's summary: a fixpoint over the edges, found
// with a worklist. Nodes start in an order that puts callees before
// callers, and a node is revisited only when one it depends on changes,
// so that a chain of calls N deep costs N updates, not N².
func (s *state) solve() {
	callers := make(map[*node][]*node)
	for _, nd := range s.order {
		for _, dep := range nd.dependencies() {
			callers[dep] = append(callers[dep], nd)
		}
	}
	queue := s.calleesFirst()
	queued := make(map[*node]bool, len(queue))
	for _, nd := range queue {
		queued[nd] = true
	}
	for len(queue) > 0 {
		nd := queue[0]
		queue = queue[1:]
		queued[nd] = false
		if !s.update(nd) {
			continue
		}
		for _, c := range callers[nd] {
			if !queued[c] {
				queued[c] = true
				queue = append(queue, c)
			}
		}
	}
	for call, r := range s.raw {
		site := &Site{}
		site.LimitArgs = append(site.LimitArgs, r.limitArgs...)
		for _, t := range r.targets {
			pt := s.publicTarget(t)
			f := s.flow(t, pt.Summary, r.values, r.site)
			if r.handler {
				f.effects = append(f.effects, servedBodies(f.bodyParams)...)
			}
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

// dependencies returns the nodes of this package whose summaries nd's
// summary is computed from: its callees, and the callees that decide
// whether a function value it passes is called.
func (nd *node) dependencies() []*node {
	var out []*node
	for _, e := range nd.edges {
		if e.to.node != nil {
			out = append(out, e.to.node)
		}
		if e.viaArg != nil {
			for _, t := range e.viaArg.callee {
				if t.node != nil {
					out = append(out, t.node)
				}
			}
		}
	}
	return out
}

// calleesFirst orders the nodes by a depth-first walk over their
// dependencies, each after the nodes it depends on (within a cycle, in
// walk order).
func (s *state) calleesFirst() []*node {
	out := make([]*node, 0, len(s.order))
	seen := make(map[*node]bool, len(s.order))
	type frame struct {
		nd   *node
		deps []*node
	}
	for _, root := range s.order {
		if seen[root] {
			continue
		}
		seen[root] = true
		stack := []frame{{root, root.dependencies()}}
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if len(top.deps) == 0 {
				out = append(out, top.nd)
				stack = stack[:len(stack)-1]
				continue
			}
			next := top.deps[0]
			top.deps = top.deps[1:]
			if !seen[next] {
				seen[next] = true
				stack = append(stack, frame{next, next.dependencies()})
			}
		}
	}
	return out
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
	changed := nd.sum.addUses(s.unclamped(nd, nd.paramUses))
	share := s.variantShare(nd)
	misses := s.misses(nd)
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
		if nd.alternatives {
			// An implementation calling its function argument: the
			// method may.
			for _, p := range sum.CallParams {
				changed = addParam(&nd.sum.CallParams, p) || changed
			}
			for _, p := range sum.LoopParams {
				changed = addParam(&nd.sum.LoopParams, p) || changed
			}
		}
		f := s.flow(e.to, sum, e.args, e.site)
		if len(f.bodyParams) > 0 && nd.serves {
			f.effects = append(f.effects, servedBodies(f.bodyParams)...)
			f.bodyParams = nil
		}
		for _, eff := range f.effects {
			if eff.Kind == BodyRead && nd.capsBody {
				continue
			}
			if eff.Kind == UnboundedRead && !s.passesRows(e.to) {
				continue // the rows belong to one entity the callee returns
			}
			eff.Guard = eff.Guard.andGuard(e.guard)
			eff.Async = eff.Async || e.async
			eff.Looped = eff.Looped || e.looped || inLoop
			eff.Cached = eff.Cached || inRanges(misses, e.pos)
			eff.Variant = eff.Variant || share.minority(eff)
			eff.Failure = eff.Failure || inRanges(nd.failures, e.pos)
			changed = nd.sum.add(eff) || changed
			if eff.Kind == HTTP && !eff.Async && inLoop && !e.spawned && !e.fallback && !s.dependency() {
				fan := eff
				fan.Kind, fan.Site, fan.Detail = HTTPFanout, e.site, e.loop
				if fan.Detail == "" {
					fan.Detail = "once per element (a helper calls it in a loop)"
				}
				changed = nd.sum.add(fan) || changed
			}
		}
		changed = nd.sum.addUses(s.unclamped(nd, f.paramUses)) || changed
	}
	return changed
}

// servedBodies returns the body reads of the request parameters a
// handler passes on: the request it serves.
func servedBodies(uses []ParamUse) []Effect {
	var out []Effect
	for _, u := range uses {
		out = append(out, Effect{Kind: BodyRead, Chain: u.Chain, Site: u.Site})
	}
	return out
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
	case *types.Slice:
		// []byte is one value (a stored blob, a file), not rows.
		b, ok := u.Elem().Underlying().(*types.Basic)
		return !ok || b.Kind() != types.Byte
	case *types.Array, *types.Map, *types.Chan:
		return true
	case *types.Signature:
		return u.Params().Len() == 1 // an iterator: func(yield func(...) bool)
	}
	pkg, name := apis.NamedOf(t)
	return apis.IsRowIterator(pkg, name, "Next")
}

// release drops what only solving needed: the Result keeps the summaries
// and call sites, and analyses of a whole program keep every package's
// Result until the last one is done.
func (s *state) release() {
	for _, nd := range s.order {
		nd.edges = nil
		nd.paramUses = paramUses{}
		nd.retries = nil
		nd.spawned = nil
		nd.fallbacks = nil
	}
	s.bound = nil
	s.assignments = nil
}

// unclamped returns u without the row-limit parameters nd bounds itself
// (if pageSize < 1 || pageSize > 100 { pageSize = 10 }, or pageSize =
// min(pageSize, 100)) before they reach a LIMIT: a caller passing the
// request's page size passes a capped one.
func (s *state) unclamped(nd *node, u paramUses) paramUses {
	if len(u.limitParams) == 0 {
		return u
	}
	var kept []int
	for _, p := range u.limitParams {
		if p >= len(nd.params) || !s.clamps(nd, nd.params[p]) {
			kept = append(kept, p)
		}
	}
	u.limitParams = kept
	return u
}

// clamps reports whether nd's body compares parameter v with a bound
// (<, <=, >, >=) and assigns it: the value that reaches the query is
// capped.
func (s *state) clamps(nd *node, v *types.Var) bool {
	if c, ok := s.clamped[v]; ok {
		return c
	}
	info := s.pass.TypesInfo
	compared, assigned := false, false
	if nd.body != nil {
		ast.Inspect(nd.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				switch n.Op {
				case token.LSS, token.LEQ, token.GTR, token.GEQ:
					for _, side := range []ast.Expr{n.X, n.Y} {
						if id, ok := ast.Unparen(side).(*ast.Ident); ok && info.Uses[id] == v {
							compared = true
						}
					}
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[id] == v {
						assigned = true
					}
				}
			}
			return true
		})
	}
	if s.clamped == nil {
		s.clamped = make(map[*types.Var]bool)
	}
	s.clamped[v] = compared && assigned
	return compared && assigned
}
