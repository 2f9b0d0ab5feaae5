package effects

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
	"github.com/apilint/apilint/internal/sqltext"
)

// scan records the edges of nd from its body. Nested function literals
// are nodes of their own; they become edges where they are called, passed
// to something that calls them, or started with go.
func (s *state) scan(nd *node, body *ast.BlockStmt) {
	if body == nil {
		return
	}
	nd.waits = s.waits(body)
	nd.misses = s.cacheGuard(body)
	for _, b := range source.FailureBlocks(s.pass.TypesInfo, body) {
		nd.failures = append(nd.failures, posRange{from: b.Pos(), to: b.End()})
	}
	for _, t := range source.FailureTails(s.pass.TypesInfo, body) {
		nd.failures = append(nd.failures, posRange{from: t[0], to: t[1]})
	}
	nd.capsBody = s.capsBody(body)
	nd.guards = s.guards(nd)
	nd.serves = s.serves(nd)
	// loop describes the innermost per-element loop; looped is set inside
	// any per-element or polling loop.
	var visit func(n ast.Node, loop string, looped, async bool)
	visit = func(n ast.Node, loop string, looped, async bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			switch c := c.(type) {
			case nil:
				return false
			case *ast.FuncLit:
				return false // its own node
			case *ast.GoStmt:
				// The call's operands are evaluated here; the call runs in
				// the goroutine.
				if nd.spawned == nil {
					nd.spawned = make(map[*ast.CallExpr]bool)
				}
				nd.spawned[c.Call] = true
				s.call(nd, c.Call, loop, looped, !nd.waits)
				for _, a := range c.Call.Args {
					visit(a, loop, looped, async)
				}
				visit(c.Call.Fun, loop, looped, async)
				return false
			case *ast.CommClause:
				// A receive in a select case waits alongside the others:
				// <-time.After there is a timeout, not a sleep.
				for _, st := range c.Body {
					visit(st, loop, looped, async)
				}
				if c.Comm != nil {
					ast.Inspect(c.Comm, func(x ast.Node) bool {
						if call, ok := x.(*ast.CallExpr); ok {
							s.call(nd, call, loop, looped, async)
						}
						return true
					})
				}
				return false
			case *ast.UnaryExpr:
				if c.Op == token.ARROW {
					s.sleepReceive(nd, c)
				}
			case *ast.IfStmt:
				// A batch flushed when it is full (if len(keys) >= 100,
				// if num == 100, if i%100 == 0) runs once per batch, not
				// once per element.
				if looped && source.BatchFull(s.pass.TypesInfo, c.Cond, nd.body) {
					if c.Init != nil {
						visit(c.Init, loop, looped, async)
					}
					visit(c.Cond, loop, looped, async)
					for _, st := range c.Body.List {
						visit(st, "", false, async)
					}
					if c.Else != nil {
						visit(c.Else, loop, looped, async)
					}
					return false
				}
			case *ast.BlockStmt:
				// A branch that leaves the loop runs at most once per
				// execution of it.
				if c != n && looped && source.Leaves(c) {
					for _, st := range c.List {
						visit(st, "", false, async)
					}
					return false
				}
			case *ast.ForStmt, *ast.RangeStmt:
				l, _ := source.LoopOf(s.pass.TypesInfo, c, nd.body)
				inner, innerLooped := loop, looped
				if l.PerElement {
					p := s.pass.Fset.Position(c.Pos())
					inner = fmt.Sprintf("once per element of %s (loop at %s:%d)", l.Over, filepath.Base(p.Filename), p.Line)
					if l.FirstSuccess {
						if nd.fallbacks == nil {
							nd.fallbacks = make(map[string]bool)
						}
						nd.fallbacks[inner] = true
					}
				}
				if l.Kind == source.PerElement || l.Kind == source.Poll || l.Kind == source.Worker {
					innerLooped = true
				}
				if l.Kind == source.Retry {
					nd.retries = append(nd.retries, l.Body)
				}
				// Only the body repeats.
				ast.Inspect(c, func(x ast.Node) bool {
					if x == c {
						return true
					}
					if x == l.Body {
						visit(x, inner, innerLooped, async)
					} else if x != nil {
						visit(x, loop, looped, async)
					}
					return false
				})
				return false
			case *ast.CallExpr:
				s.call(nd, c, loop, looped, async)
			}
			return true
		})
	}
	visit(body, "", false, false)
}

// sleepReceive records <-time.After(d) outside a select: a sleep.
func (s *state) sleepReceive(nd *node, recv *ast.UnaryExpr) {
	call, ok := ast.Unparen(recv.X).(*ast.CallExpr)
	if !ok {
		return
	}
	fn, _ := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "time" || fn.Name() != "After" {
		return
	}
	e := Effect{Kind: Blocking, Chain: NewChain("<-time.After"), Site: s.site(recv.Pos()), Detail: "sleeps"}
	nd.edges = append(nd.edges, edge{to: target{effect: &e}, param: -1})
}

// waits reports whether body waits for goroutines (WaitGroup.Wait,
// errgroup's Wait), outside nested function literals.
func (s *state) waits(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, recv := apis.Callee(s.pass.TypesInfo, call); fn != nil {
				pkg, r, name := apis.CallKey(fn, recv)
				found = apis.IsWaiter(pkg, r, name)
			}
		}
		return !found
	})
	return found
}

// call records what one call expression in nd runs.
func (s *state) call(nd *node, call *ast.CallExpr, loop string, looped, async bool) {
	inLoop := loop != ""
	args := s.argValues(nd, call)
	targets, param := s.targets(nd, call)
	if param >= 0 {
		nd.edges = append(nd.edges, edge{param: param, inLoop: inLoop})
	}
	site := s.site(call.Pos())
	targets = s.dropDeliberateSleep(nd, call, targets)
	targets = s.dropReadCommand(nd, call, targets)
	siteOnly := s.sqlKinds(nd, call, targets, args)
	if s.schemaBuilt(nd, call) {
		for _, t := range targets {
			if t.effect != nil && t.effect.Kind == DBWrite {
				t.effect.Kind = DBOther // a schema change, one per column or index
			}
		}
	}
	s.contextParams(nd, call, targets, args)
	s.deadlineParams(nd, call, targets)
	extra, limitArgs := s.extraEffects(nd, call, args)
	if t := s.noContext(nd, call); t != nil {
		extra = append(extra, *t)
	}
	for i, t := range append(targets, extra...) {
		nd.edges = append(nd.edges, edge{to: t, async: async, spawned: nd.spawned[call], fallback: nd.fallbacks[loop], param: -1, args: args, site: site, pos: call.Pos(),
			inLoop: inLoop, loop: loop, looped: looped, siteOnly: i < len(siteOnly) && siteOnly[i], guard: nd.guards[call]})
	}
	raw := rawSite{targets: append(targets, extra...), limitArgs: limitArgs, values: args, site: site}
	raw.handler = nd.serves

	// Function values passed as arguments run if the callee calls them.
	cb := s.callback(call)
	for i, arg := range call.Args {
		to, isParam, ok := s.funcValue(nd, arg)
		if !ok {
			continue
		}
		pass := &argPass{callee: targets, arg: i}
		if cb != nil {
			if cb.Arg != i || cb.Once {
				continue // once.Do(init): once per process, not per call
			}
			pass = &argPass{arg: i, known: true, loop: cb.Loop}
		} else if len(targets) == 0 {
			continue
		}
		if isParam >= 0 {
			nd.edges = append(nd.edges, edge{param: isParam, viaArg: pass, inLoop: inLoop})
			continue
		}
		nd.edges = append(nd.edges, edge{to: to, async: async, spawned: nd.spawned[call] || cb != nil && cb.Concurrent, fallback: nd.fallbacks[loop], viaArg: pass, param: -1, site: site, pos: call.Pos(), inLoop: inLoop, loop: loop})
		raw.args = append(raw.args, rawArg{index: i, to: to, pass: pass})
	}
	if len(raw.targets) > 0 || len(raw.args) > 0 || len(raw.limitArgs) > 0 {
		s.raw[call] = raw
	}
}

// sqlKinds adjusts the database effects of a library call by its SQL
// text: a constant INSERT, UPDATE or DELETE is a write whatever the API
// (QueryRow(... RETURNING id)); text that is one of nd's parameters is
// decided by nd's callers (a ParamUse), so the effect describes the call
// site only (the returned flags, one per target).
func (s *state) sqlKinds(nd *node, call *ast.CallExpr, targets []target, args []argValue) []bool {
	fn, _ := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	i := sqlArg(fn)
	if i < 0 || i >= len(args) {
		return nil
	}
	a := args[i]
	flags := make([]bool, len(targets))
	for j, t := range targets {
		if t.effect == nil || !t.effect.Kind.IsDB() || t.effect.Kind == DBOther {
			continue
		}
		switch {
		case a.known:
			t.effect.Kind = kindOfText(a.text, t.effect.Kind)
		case a.param >= 0:
			nd.sqlParams = append(nd.sqlParams, ParamUse{Param: a.param, Chain: t.effect.Chain, Kind: t.effect.Kind})
			flags[j] = true
		}
	}
	return flags
}

// schemaBuilt reports whether call runs a statement a query builder made
// for a schema change: db.AddColumn(...).Execute() (apis.SchemaBuilders),
// or db.NewQuery(text).Execute() with DDL text.
func (s *state) schemaBuilt(nd *node, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := apis.Callee(s.pass.TypesInfo, inner)
	if fn == nil || fn.Pkg() == nil || !apis.Modelled(fn.Pkg().Path()) {
		return false
	}
	if apis.SchemaBuilders[fn.Pkg().Path()][fn.Name()] {
		return true
	}
	for _, a := range inner.Args {
		if text, ok := s.stringValue(nd, a, 0); ok && sqltext.Classify(text).Schema {
			return true
		}
	}
	return false
}

// dropDeliberateSleep drops the Blocking effect of time.Sleep(d) when it
// is deliberate or short: d computed from time.Since or time.Until pads
// to a fixed duration (constant-time login); d computed from a random
// source is jitter or timing equalisation (answer an unknown user as
// slowly as a known one); d taken from a setting and slept only when that
// setting is positive (if cfg.LoginDelay > 0 { time.Sleep(cfg.LoginDelay) })
// is a delay the operator opted into, a tarpit; a constant d under
// shortSleep is no slow work; and a sleep in a retry loop outside handler
// code is a backoff.
func (s *state) dropDeliberateSleep(nd *node, call *ast.CallExpr, targets []target) []target {
	fn, _ := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "time" || fn.Name() != "Sleep" || len(call.Args) != 1 {
		return targets
	}
	for _, body := range nd.retries {
		if body.Pos() <= call.Pos() && call.End() <= body.End() && !s.nodeIsHandler(nd) {
			return nil
		}
	}
	d := call.Args[0]
	if tv, ok := s.pass.TypesInfo.Types[d]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		if v, exact := constant.Int64Val(tv.Value); exact && time.Duration(v) < shortSleep {
			return nil
		}
	}
	if s.durationFrom(nd, d, 0, elapsedOrRandom) || s.optedIn(nd, call, d) {
		return nil
	}
	return targets
}

// dropReadCommand drops the effect of running a command whose output the
// function reads: Output or CombinedOutput whose result it keeps, or Run,
// Start or Wait on a command whose Stdout it sets to something other than
// the process's own (cmd.Stdout = &buf, exec.Cmd{Stdout: w}) or pipes
// (cmd.StdoutPipe()). The output is the data the caller asked for (a git
// repository read through git, a file through a converter), produced where
// it is needed: a worker cannot take it over, and no request waits on a
// remote service. A command run for its effect alone stays.
func (s *state) dropReadCommand(nd *node, call *ast.CallExpr, targets []target) []target {
	fn, _ := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "os/exec" || nd.body == nil {
		return targets
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return targets
	}
	read := false
	switch fn.Name() {
	case "Output", "CombinedOutput":
		read = s.resultKept(nd.body, call)
	case "Run", "Start", "Wait":
		if v := s.varNamed(sel.X); v != nil {
			read = s.outputCaptured(nd.body, v)
			if !read && nd.lit != nil && paramIndex(nd, v) >= 0 {
				// defer func(cmd *exec.Cmd) { cmd.Wait() }(cmd): the
				// command is the enclosing function's.
				if body := s.declBodyAround(nd.lit.Pos()); body != nil {
					read = s.anyOutputCaptured(body)
				}
			}
		}
	}
	if !read {
		return targets
	}
	return slices.DeleteFunc(slices.Clone(targets), func(t target) bool {
		return t.effect != nil && t.effect.Detail == apis.RunsCommand
	})
}

// declBodyAround returns the body of the function declaration that
// contains pos, or nil.
func (s *state) declBodyAround(pos token.Pos) *ast.BlockStmt {
	for n := range s.nodes {
		if d, ok := n.(*ast.FuncDecl); ok && d.Body != nil && d.Body.Pos() <= pos && pos < d.Body.End() {
			return d.Body
		}
	}
	return nil
}

// anyOutputCaptured reports whether body captures the output of one of
// its *exec.Cmd variables (outputCaptured).
func (s *state) anyOutputCaptured(body *ast.BlockStmt) bool {
	seen := make(map[*types.Var]bool)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if found || !ok {
			return !found
		}
		v, ok := s.pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok || seen[v] {
			return true
		}
		seen[v] = true
		if apis.ExecCmd.Matches(v.Type()) && s.outputCaptured(body, v) {
			found = true
		}
		return !found
	})
	return found
}

// resultKept reports whether the first result of call, in body, is used:
// the call is not a statement of its own, nor assigned to the blank
// identifier first.
func (s *state) resultKept(body *ast.BlockStmt, call *ast.CallExpr) bool {
	kept := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ExprStmt:
			if ast.Unparen(n.X) == call {
				kept = false
			}
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == call {
				if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
					kept = false
				}
			}
		}
		return kept
	})
	return kept
}

// outputCaptured reports whether body sets the Stdout of command v to a
// writer other than the process's own, or takes its StdoutPipe.
func (s *state) outputCaptured(body *ast.BlockStmt, v *types.Var) bool {
	info := s.pass.TypesInfo
	own := func(e ast.Expr) bool {
		if source.IsNil(info, e) {
			return true
		}
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			if o, ok := info.Uses[sel.Sel].(*types.Var); ok && o.Pkg() != nil {
				switch o.Pkg().Path() + "." + o.Name() {
				case "os.Stdout", "os.Stderr", "io.Discard":
					return true
				}
			}
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt: // cmd.Stdout = &buf
			for i, lhs := range n.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if ok && sel.Sel.Name == "Stdout" && i < len(n.Rhs) && s.varNamed(sel.X) == v && !own(n.Rhs[i]) {
					found = true
				}
			}
		case *ast.CallExpr: // cmd.StdoutPipe()
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "StdoutPipe" && s.varNamed(sel.X) == v {
				found = true
			}
		}
		return !found
	})
	if found {
		return true
	}
	// cmd := &exec.Cmd{Stdout: &buf}
	for _, a := range s.assigned(body, v) {
		if w := source.KeyedField(source.Literal(a.Expr), "Stdout"); w != nil && !own(w) {
			return true
		}
	}
	return false
}

// shortSleep is the constant sleep below which a sleep is not slow work:
// a request's own processing takes about as long.
const shortSleep = 100 * time.Millisecond

// elapsedOrRandom reports whether fn measures elapsed time (time.Since,
// time.Until) or draws a random number (math/rand, math/rand/v2,
// crypto/rand, and their generators' methods).
func elapsedOrRandom(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "time":
		return fn.Name() == "Since" || fn.Name() == "Until"
	case "math/rand", "math/rand/v2", "crypto/rand":
		return true
	}
	return false
}

// durationFrom reports whether e is computed from a call of a function
// that match accepts, directly or through local variables.
func (s *state) durationFrom(nd *node, e ast.Node, depth int, match func(*types.Func) bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if f, _ := apis.Callee(s.pass.TypesInfo, n); f != nil && match(f) {
				found = true
			}
		case *ast.Ident:
			if v, ok := s.pass.TypesInfo.Uses[n].(*types.Var); ok && depth < 3 {
				for _, a := range s.assigned(nd.body, v) {
					if s.durationFrom(nd, a.Expr, depth+1, match) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// optedIn reports whether the sleep call, of duration d, runs only under
// a test that the value d is made from is positive (if x > 0, if x != 0),
// where that value is not a constant: a delay configured off by default.
func (s *state) optedIn(nd *node, call *ast.CallExpr, d ast.Expr) bool {
	dur := types.ExprString(d)
	found := false
	ast.Inspect(nd.body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if found || !ok {
			return !found
		}
		if call.Pos() < ifs.Body.Pos() || ifs.Body.End() < call.End() {
			return true
		}
		if b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr); ok && (b.Op == token.GTR || b.Op == token.NEQ) {
			tv, isConst := s.pass.TypesInfo.Types[b.Y]
			if isConst && isNumber(tv.Value) && constant.Sign(tv.Value) == 0 {
				if _, lit := ast.Unparen(b.X).(*ast.BasicLit); !lit && strings.Contains(dur, types.ExprString(b.X)) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isNumber reports whether v is a known numeric constant (Sign and
// Compare panic on strings and booleans: if name != "" { sleep }).
func isNumber(v constant.Value) bool {
	return v != nil && (v.Kind() == constant.Int || v.Kind() == constant.Float)
}

// contextParams records which of nd's context parameters reach a round
// trip through this call.
func (s *state) contextParams(nd *node, call *ast.CallExpr, targets []target, args []argValue) {
	fn, _ := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	for _, t := range targets {
		if t.effect == nil || !(t.effect.Kind.IsRoundTrip() || t.effect.Kind == HTTP) {
			continue
		}
		params := fn.Signature().Params()
		for i := 0; i < params.Len() && i < len(args); i++ {
			if apis.IsContext(params.At(i).Type()) && args[i].param >= 0 {
				nd.ctxParams = append(nd.ctxParams, args[i].param)
			}
		}
	}
}

// deadlineParams records the context parameter of nd that alone bounds an
// outbound request sent through http.DefaultClient, which has no Timeout:
// DefaultClient.Do(req) with req built from that context, no deadline
// added on the way. Whether the request can wait forever is the callers'
// question (notimeout asks it at each call).
func (s *state) deadlineParams(nd *node, call *ast.CallExpr, targets []target) {
	info := s.pass.TypesInfo
	fn, _ := apis.Callee(info, call)
	if fn == nil || len(call.Args) != 1 || !apis.IsDefaultClientCall(info, call, fn) {
		return
	}
	o := source.RequestContextOrigin(info, nd.body, call.Args[0])
	if o.Deadline || o.Param == nil {
		return
	}
	p := paramIndex(nd, o.Param)
	if p < 0 {
		return
	}
	for _, t := range targets {
		if t.effect != nil && t.effect.Kind == HTTP {
			nd.deadlineParams = append(nd.deadlineParams, ParamUse{Param: p, Chain: t.effect.Chain, Kind: HTTP})
			return
		}
	}
}

// extraEffects returns the effects a call has besides its callee's
// summary (an unbounded many-row read, a pagination input, a body read),
// and the arguments that become a row limit.
func (s *state) extraEffects(nd *node, call *ast.CallExpr, args []argValue) ([]target, []int) {
	fn, recv := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil {
		return nil, nil
	}
	out := s.requestReads(nd, call, fn, recv, args)
	var limitArgs []int
	entry := s.table.Lookup(fn, recv)
	if entry == nil && recv != nil {
		// A method of the service's own interface over a database handle
		// (sqlc's DBTX, a transaction accessor): the handle's method, its
		// SQL and its LIMIT, as for a direct call.
		if iface, ok := recv.Underlying().(*types.Interface); ok {
			if m, e := s.dbMethod(iface, fn); e != nil {
				fn, entry = m, e
			}
		}
	}
	if entry != nil {
		ts, la := s.bounds(nd, call, fn, entry, args)
		out = append(out, ts...)
		limitArgs = append(limitArgs, la...)
	}
	if (fn.Name() == "Limit" || fn.Name() == "SetLimit") && len(args) == 1 && isLimitReceiver(fn, entry) && !s.afterQuery(call) {
		limitArgs = append(limitArgs, 0)
		if args[0].param >= 0 {
			nd.limitParams = append(nd.limitParams, args[0].param)
		}
	}
	return out, limitArgs
}

// afterQuery reports whether an earlier link of call's chain runs the
// query: in db.Find(&o).Offset(n).Limit(size) Find has read every row
// already, and the Limit bounds nothing.
func (s *state) afterQuery(call *ast.CallExpr) bool {
	info := s.pass.TypesInfo
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	for ok {
		inner, isCall := ast.Unparen(sel.X).(*ast.CallExpr)
		if !isCall {
			return false
		}
		if fn, recv := apis.Callee(info, inner); fn != nil {
			if e := s.table.Lookup(fn, recv); e != nil && e.Kind.IsDB() && e.Kind != apis.RoundTrip {
				return true
			}
		}
		sel, ok = ast.Unparen(inner.Fun).(*ast.SelectorExpr)
	}
	return false
}

// isLimitReceiver reports whether fn is a query builder's Limit.
func isLimitReceiver(fn *types.Func, entry *apis.Call) bool {
	if fn.Pkg() == nil || fn.Signature().Recv() == nil {
		return false
	}
	if apis.IsLimitReceiver(fn.Pkg().Path()) {
		return true
	}
	for _, imp := range fn.Pkg().Imports() {
		if imp.Path() == "entgo.io/ent" {
			return true
		}
	}
	return false
}

// callback returns the library callback entry for call's callee, if any.
func (s *state) callback(call *ast.CallExpr) *apis.Callback {
	return apis.CallbackOf(s.pass.TypesInfo, call)
}

// funcValue resolves a function value used as an argument: a literal, a
// function or method name, a method value, a local variable holding a
// literal, or the node's own parameter (isParam is its index).
func (s *state) funcValue(nd *node, e ast.Expr) (t target, isParam int, ok bool) {
	info := s.pass.TypesInfo
	e = ast.Unparen(e)
	typ := info.TypeOf(e)
	if typ == nil {
		return target{}, -1, false
	}
	if _, isSig := types.Unalias(typ).Underlying().(*types.Signature); !isSig {
		return target{}, -1, false
	}
	switch e := e.(type) {
	case *ast.FuncLit:
		if n := s.nodes[e]; n != nil {
			return target{node: n}, -1, true
		}
	case *ast.Ident:
		switch obj := info.Uses[e].(type) {
		case *types.Func:
			return s.funcTarget(obj), -1, true
		case *types.Var:
			if i := paramIndex(nd, obj); i >= 0 {
				return target{}, i, true
			}
			if lit := s.boundLiteral(obj); lit != nil {
				return target{node: lit}, -1, true
			}
		}
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil && sel.Kind() == types.MethodVal {
			if fn, ok := sel.Obj().(*types.Func); ok {
				ts := s.methodTargets(fn, sel.Recv())
				if len(ts) > 0 {
					return ts[0], -1, true
				}
			}
		} else if fn, ok := info.Uses[e.Sel].(*types.Func); ok {
			return s.funcTarget(fn), -1, true
		}
	}
	return target{}, -1, false
}

// varNamed returns the variable the identifier e names, or nil.
func (s *state) varNamed(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := s.pass.TypesInfo.Uses[id].(*types.Var)
	return v
}

// paramNamed returns the index of nd's parameter that e names, or -1.
func (s *state) paramNamed(nd *node, e ast.Expr) int {
	if v := s.varNamed(e); v != nil {
		return paramIndex(nd, v)
	}
	return -1
}

func paramIndex(nd *node, v *types.Var) int {
	for i, p := range nd.params {
		if p == v {
			return i
		}
	}
	return -1
}

// boundLiteral returns the node of the function literal that local
// variable v is assigned, when it is assigned exactly one.
func (s *state) boundLiteral(v *types.Var) *node {
	if v.Parent() == nil || v.Parent() == s.pass.Pkg.Scope() {
		return nil
	}
	if nd, ok := s.bound[v]; ok {
		return nd
	}
	var found *node
	count := 0
	for _, f := range s.pass.Files {
		if f.FileStart > v.Pos() || v.Pos() > f.FileEnd {
			continue
		}
		for _, a := range s.assigned(f, v) {
			count++
			if lit, ok := ast.Unparen(a.Expr).(*ast.FuncLit); ok {
				found = s.nodes[lit]
			}
		}
	}
	if count != 1 {
		found = nil
	}
	s.bound[v] = found
	return found
}

// funcTarget is the target for a statically called function or concrete
// method.
func (s *state) funcTarget(fn *types.Func) target {
	fn = fn.Origin()
	if nd := s.funcs[fn]; nd != nil {
		return target{node: nd, name: ChainName(fn)}
	}
	if fn.Pkg() != nil && apis.Modelled(fn.Pkg().Path()) {
		return target{name: ChainName(fn)} // the tables say what it does
	}
	return target{fn: fn, name: ChainName(fn)}
}

// targets returns what call runs. param is the index of the caller's own
// function-typed parameter when the call calls it, else -1.
func (s *state) targets(nd *node, call *ast.CallExpr) (ts []target, param int) {
	info := s.pass.TypesInfo
	fun := ast.Unparen(call.Fun)
	if lit, ok := fun.(*ast.FuncLit); ok {
		if n := s.nodes[lit]; n != nil {
			return []target{{node: n}}, -1
		}
		return nil, -1
	}
	if tv, ok := info.Types[fun]; ok && tv.IsType() {
		return nil, -1 // a conversion
	}
	fn, recv := apis.Callee(info, call)
	if fn != nil {
		if entry := s.table.Lookup(fn, recv); entry != nil {
			if k, ok := kindOf(entry.Kind); ok {
				return []target{{effect: &Effect{Kind: k, Chain: NewChain(apis.FuncName(fn)), Site: s.site(call.Pos()), Detail: entry.Note}}}, -1
			}
			return nil, -1 // a known API with no effect (a query builder step)
		}
		if recv != nil {
			ts := s.methodTargets(fn, recv)
			for _, t := range ts {
				if t.effect != nil && t.effect.Site == "" {
					t.effect.Site = s.site(call.Pos())
				}
			}
			return ts, -1
		}
		return []target{s.funcTarget(fn)}, -1
	}
	// A call of a function value.
	if v := s.varNamed(fun); v != nil {
		if i := paramIndex(nd, v); i >= 0 {
			return nil, i
		}
		if lit := s.boundLiteral(v); lit != nil {
			return []target{{node: lit}}, -1
		}
	}
	return nil, -1
}

// methodTargets resolves a method call on a receiver of static type recv.
func (s *state) methodTargets(fn *types.Func, recv types.Type) []target {
	if entry := s.table.Lookup(fn, recv); entry != nil {
		if k, ok := kindOf(entry.Kind); ok {
			return []target{{effect: &Effect{Kind: k, Chain: NewChain(apis.FuncName(fn)), Detail: entry.Note}}}
		}
		return nil
	}
	if !types.IsInterface(recv) {
		return []target{s.funcTarget(fn)}
	}
	return s.interfaceTargets(fn, recv)
}

// nodeIsHandler reports whether nd is a request handler.
func (s *state) nodeIsHandler(nd *node) bool {
	return nd.decl != nil && s.isHandler(nd.decl)
}

// returnsMapEntry reports whether body only returns an entry of a map
// held in a field or a package variable, with at most a lock taken and
// released around it: return m.items[id].
func (s *state) returnsMapEntry(body *ast.BlockStmt) bool {
	n := len(body.List)
	if n == 0 {
		return false
	}
	for _, st := range body.List[:n-1] {
		var call *ast.CallExpr
		switch st := st.(type) {
		case *ast.ExprStmt:
			call, _ = st.X.(*ast.CallExpr)
		case *ast.DeferStmt:
			call = st.Call
		}
		if call == nil {
			return false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		switch sel.Sel.Name {
		case "Lock", "Unlock", "RLock", "RUnlock":
		default:
			return false
		}
	}
	ret, ok := body.List[n-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	ix, ok := ast.Unparen(ret.Results[0]).(*ast.IndexExpr)
	return ok && s.isCacheLookup(ix)
}

// mapEntryCall reports whether call only returns an entry of an
// in-process map (Summary.MapEntry).
func (s *state) mapEntryCall(call *ast.CallExpr) bool {
	fn, recv := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil || recv != nil && types.IsInterface(recv) {
		return false
	}
	sum := s.summaryOf(s.funcTarget(fn))
	return sum != nil && sum.MapEntry
}

// cacheGuard returns the parts of body that run only when an in-process
// cache missed, or nil: a key looked up in a map or by a Get, Load or
// Lookup method that is no round trip, at the top level of the body.
//
//   - A hit returns: if v, ok := s.cache[k]; ok { return v, nil }, or
//     fs, ok := c.entries[k]; c.Unlock(); if ok { return fs, nil }. What
//     follows the test runs on a miss.
//   - A miss is tested: v, _ := s.store.Get(k).([]T); if v == nil {
//     return s.load() }, or g := m.gateways[id]; if g == nil ||
//     !g.Connected { ... }. The body of that test runs on a miss (or to
//     refresh a stale entry).
func (s *state) cacheGuard(body *ast.BlockStmt) []posRange {
	info := s.pass.TypesInfo
	var okVar, valVar types.Object // the found flag and value of a lookup awaiting its test
	objOf := func(e ast.Expr) types.Object {
		if id, ok := e.(*ast.Ident); ok {
			return info.ObjectOf(id)
		}
		return nil
	}
	lookup := token.NoPos // the lookup awaiting its test, when only its fill makes it one
	for i, st := range body.List {
		switch st := st.(type) {
		case *ast.IfStmt:
			if as, ok := st.Init.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && source.Leaves(st.Body) &&
				(len(as.Lhs) == 2 || len(as.Lhs) == 1 && hitTest(info, st.Cond, objOf(as.Lhs[0]))) {
				// if v, ok := lookup(k); ok { return v }, or
				// if v := lookup(k); v != nil { return v }
				if s.isCacheLookup(as.Rhs[0]) {
					return []posRange{{from: st.End(), to: body.End()}}
				}
				if call := s.filledLookup(as.Rhs[0], body.List[i+1:], len(as.Lhs) == 1); call != nil {
					return []posRange{{from: st.End(), to: body.End(), lookup: call.Pos()}}
				}
			}
			if st.Init != nil || st.Else != nil {
				continue
			}
			if id, ok := ast.Unparen(st.Cond).(*ast.Ident); ok && okVar != nil && info.Uses[id] == okVar &&
				source.Leaves(st.Body) {
				return []posRange{{from: st.End(), to: body.End(), lookup: lookup}}
			}
			if valVar != nil && nilTest(info, st.Cond, valVar) {
				return []posRange{{from: st.Body.Pos(), to: st.Body.End()}}
			}
			if okVar != nil && missTest(info, st.Cond, okVar) {
				// v, found := s.servers[name]; if !found { ...read... }:
				// the block runs on a miss.
				return []posRange{{from: st.Body.Pos(), to: st.Body.End(), lookup: lookup}}
			}
		case *ast.AssignStmt:
			if len(st.Rhs) != 1 {
				continue
			}
			lp := token.NoPos
			if !s.isCacheLookup(st.Rhs[0]) {
				call := s.filledLookup(st.Rhs[0], body.List[i+1:], false)
				if call == nil || len(st.Lhs) != 2 {
					continue
				}
				lp = call.Pos()
			}
			lookup = lp
			if len(st.Lhs) == 2 {
				okVar = objOf(st.Lhs[1])
			}
			// A nil test of the value itself stands for a miss only when
			// the lookup cannot report an error: a map index, or a
			// type-asserted Get (v, _ := store.Get(k).([]T)).
			switch rhs := ast.Unparen(st.Rhs[0]).(type) {
			case *ast.IndexExpr, *ast.TypeAssertExpr:
				valVar = objOf(st.Lhs[0])
			case *ast.CallExpr:
				if s.mapEntryCall(rhs) {
					valVar = objOf(st.Lhs[0])
				}
			}
		}
	}
	return nil
}

// hitTest reports whether cond is v != nil: a lookup that found v.
func hitTest(info *types.Info, cond ast.Expr, v types.Object) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || v == nil {
		return false
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	return ok && info.Uses[id] == v && source.IsNil(info, b.Y)
}

// missTest reports whether cond holds only when ok, a lookup's found
// flag, is false: !ok, or a conjunction one side of which is
// (includeState && !ok).
func missTest(info *types.Info, cond ast.Expr, ok types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		id, isID := ast.Unparen(c.X).(*ast.Ident)
		return c.Op == token.NOT && isID && info.Uses[id] == ok
	case *ast.BinaryExpr:
		return c.Op == token.LAND && (missTest(info, c.X, ok) || missTest(info, c.Y, ok))
	}
	return false
}

// nilTest reports whether cond holds when v is nil: v == nil, or a
// disjunction that begins with it and otherwise tests v itself (g == nil
// || !g.Connected: a miss, or an entry the cache must refresh).
func nilTest(info *types.Info, cond ast.Expr, v types.Object) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LOR:
		return nilTest(info, b.X, v) && source.Mentions(info, b.Y, v)
	case token.EQL:
		id, ok := ast.Unparen(b.X).(*ast.Ident)
		return ok && info.Uses[id] == v && source.IsNil(info, b.Y)
	}
	return false
}

// filledLookup returns the call e makes when it looks a key up in a
// cache that the statements after it fill on a miss, or nil: the key
// variable the call is given is passed again, with the value, to another
// function (v, ok := cache.Get(key); if ok { return v }; ...;
// cache.Set(key, v, ttl)). The shape, not the names, makes it a cache;
// a lookup that is itself a database round trip (a get-or-create) is
// told apart when the graph is solved (posRange.lookup). With sameCache,
// the fill must be a method of the object the lookup was a method of
// (decls.get(key) ... decls.set(key, d)): a lookup that yields only a
// value, tested for nil, has no found flag to say it is a cache.
func (s *state) filledLookup(e ast.Expr, after []ast.Stmt, sameCache bool) *ast.CallExpr {
	info := s.pass.TypesInfo
	if ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr); ok {
		e = ta.X
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, recv := apis.Callee(info, call)
	if fn == nil {
		return nil
	}
	if entry := s.table.Lookup(fn, recv); entry != nil && entry.Kind != apis.None {
		return nil
	}
	keys := map[types.Object]bool{}
	for _, a := range call.Args {
		if v := s.varNamed(a); v != nil && v.Parent() != s.pass.Pkg.Scope() {
			keys[v] = true
		}
	}
	if len(keys) == 0 {
		return nil
	}
	cacheOf := receiverObject(info, call)
	var fill bool
	for _, st := range after {
		ast.Inspect(st, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if fill || !ok || len(c.Args) < 2 {
				return !fill
			}
			if f, _ := apis.Callee(info, c); f == nil || f == fn {
				return true
			}
			if sameCache && (cacheOf == nil || receiverObject(info, c) != cacheOf) {
				return true
			}
			for _, a := range c.Args {
				if v := s.varNamed(a); v != nil && keys[v] {
					fill = true
				}
			}
			return !fill
		})
	}
	if !fill {
		return nil
	}
	return call
}

// receiverObject returns the variable or field whose method call calls
// (decls in decls.get(k), cache in s.cache.Set(k, v)), or nil.
func receiverObject(info *types.Info, call *ast.CallExpr) types.Object {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if v, ok := source.Used(info, sel.X).(*types.Var); ok {
		return v
	}
	return nil
}

// posRange is a span of source, [from, to). lookup, when set, is the
// position of the cache lookup whose miss the span is: the span holds
// only if that call makes no database round trip (state.misses).
type posRange struct{ from, to, lookup token.Pos }

// inRanges reports whether pos is in one of rs.
func inRanges(rs []posRange, pos token.Pos) bool {
	for _, r := range rs {
		if r.from <= pos && pos < r.to {
			return true
		}
	}
	return false
}

// misses returns the parts of nd's body that run on a cache miss, less
// those whose lookup (learnt from its fill) queries a database itself:
// that is a get-or-create, not a cache.
func (s *state) misses(nd *node) []posRange {
	out := nd.misses[:0:0]
	for _, r := range nd.misses {
		if r.lookup.IsValid() && s.queriesAt(nd, r.lookup) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// queriesAt reports whether the call of nd at pos makes a database
// round trip, now or (for a callee still being solved) so far.
func (s *state) queriesAt(nd *node, pos token.Pos) bool {
	for _, e := range nd.edges {
		if e.pos != pos {
			continue
		}
		if sum := s.summaryOf(e.to); sum != nil {
			for _, eff := range sum.Effects {
				if eff.Kind.IsDB() {
					return true
				}
			}
		}
	}
	return false
}

// isCacheLookup reports whether e reads an in-process cache: an index of
// a map held in a field or a package variable, or a Get, Load, Lookup or
// Peek method that the tables do not know as a round trip.
func (s *state) isCacheLookup(e ast.Expr) bool {
	info := s.pass.TypesInfo
	if ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr); ok {
		e = ta.X // store.Get(k).([]T)
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		if _, isMap := info.TypeOf(x.X).Underlying().(*types.Map); !isMap {
			return false
		}
		switch m := ast.Unparen(x.X).(type) {
		case *ast.SelectorExpr:
			return true
		case *ast.Ident:
			v, ok := info.Uses[m].(*types.Var)
			return ok && v.Parent() == s.pass.Pkg.Scope()
		}
	case *ast.CallExpr:
		if s.mapEntryCall(x) {
			return true // GetById, whose body is return m.items[id]
		}
		fn, recv := apis.Callee(info, x)
		if fn == nil || recv == nil {
			return false
		}
		switch fn.Name() {
		case "Get", "Load", "Lookup", "Peek", "GetIfPresent":
		default:
			return false
		}
		if entry := s.table.Lookup(fn, recv); entry != nil && entry.Kind != apis.None {
			return false // a datastore round trip is no in-process cache
		}
		return true
	}
	return false
}

// noContext returns the NoContext effect of a database call that has a
// context-taking variant, made where no context is in scope (a context of
// the function, or of one it is written in; a goroutine's function
// literal does not see its creator's).
func (s *state) noContext(nd *node, call *ast.CallExpr) *target {
	if s.dependency() {
		// A dependency's context-less call (an ORM's preload, on a path
		// the program may never take) is the dependency's to fix: the
		// program cannot hand it a context.
		return nil
	}
	fn, recv := apis.Callee(s.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	entry := s.table.Lookup(fn, recv)
	if entry == nil || entry.WithCtx == "" || !entry.Kind.IsDB() {
		return nil
	}
	if len(source.ContextsInScope(s.pass.Pkg, call.Pos(), token.NoPos)) > 0 {
		return nil
	}
	return &target{effect: &Effect{Kind: NoContext, Chain: NewChain(apis.FuncName(fn)), Site: s.site(call.Pos()), Detail: entry.WithCtx}}
}
