package nplusone

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/report"
	"github.com/apilint/apilint/internal/source"
)

// region is code that runs once per element: a loop body, or the body of
// a function literal a helper calls per element.
type region struct {
	body ast.Node
	// over describes the iteration for messages: "orders",
	// "ids (helpers.MapWithErr calls it per element)".
	over string
	pos  token.Pos // the loop or helper call
	// outer names the function the region is in, for the chain.
	outer string
	// nested names an enclosing per-element loop, for the message.
	nested string
	// deps are the variables that change per element: the loop's own
	// variables, and those declared, assigned or passed by address in
	// the body.
	deps map[types.Object]bool
	// elems are the range statement's key and value: distinct per
	// iteration, unlike values computed from them.
	elems map[types.Object]bool
	// closure is set when body is a function literal's: its returns end
	// one call, not the iteration.
	closure bool
	// prov is where the collection comes from; it sets the level.
	prov provenance
	// setup is set in migrations and other set-up code.
	setup bool
	// failure is set when the whole loop runs only after something
	// failed (failureBranch): a rollback, once per failed step.
	failure bool
	// scope is the body of the function declaration the region is in.
	scope ast.Node
}

// loopVars returns the variables of loop l that change per element, and
// records the range key and value in r.elems.
func (c *checker) loopVars(r *region, l source.Loop) map[types.Object]bool {
	deps := make(map[types.Object]bool)
	switch n := l.Node.(type) {
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			c.addVar(deps, e)
		}
		if n.Tok == token.DEFINE {
			r.elems = make(map[types.Object]bool)
			for _, e := range []ast.Expr{n.Key, n.Value} {
				c.addVar(r.elems, e)
			}
		}
	case *ast.ForStmt:
		if as, ok := n.Init.(*ast.AssignStmt); ok {
			for _, e := range as.Lhs {
				c.addVar(deps, e)
			}
		}
		if n.Post != nil {
			ast.Inspect(n.Post, func(x ast.Node) bool {
				if e, ok := x.(ast.Expr); ok {
					c.addVar(deps, e)
				}
				return true
			})
		}
	}
	c.bodyVars(deps, l.Body)
	return deps
}

// closureVars returns the parameters of a function literal a helper runs
// per element, and the variables of its body.
func (c *checker) closureVars(lit *ast.FuncLit) map[types.Object]bool {
	deps := make(map[types.Object]bool)
	for _, p := range source.Params(c.pass.TypesInfo, lit) {
		deps[p] = true
	}
	c.bodyVars(deps, lit.Body)
	return deps
}

func (c *checker) addVar(deps map[types.Object]bool, e ast.Expr) {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if obj := c.pass.TypesInfo.ObjectOf(id); obj != nil {
			deps[obj] = true
		}
	}
}

// bodyVars adds the variables declared, assigned, incremented or passed by
// address in body.
func (c *checker) bodyVars(deps map[types.Object]bool, body ast.Node) {
	info := c.pass.TypesInfo
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if obj, ok := info.Defs[n].(*types.Var); ok {
				deps[obj] = true
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				c.addVar(deps, l)
			}
		case *ast.IncDecStmt:
			c.addVar(deps, n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				c.addVar(deps, n.X)
			}
		}
		return true
	})
}

// mentions reports whether e refers to one of r's per-element variables.
func (r *region) mentions(info *types.Info, e ast.Node) bool {
	if e == nil {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && r.deps[info.ObjectOf(id)] {
			found = true
		}
		return !found
	})
	return found
}

// region reports the round trips made per element in r's body: its
// calls, and those in function literals it runs (called in place, started
// with go, handed to errgroup.Go or another callback), but not those in
// nested per-element loops, which are regions of their own, nor those of
// workers started per element (a goroutine that runs until the process
// stops), nor those that run at most once (in a return statement, in a
// branch that ends by leaving the loop, after the last continue of a body
// that ends by leaving it, in a switch case on the element's value).
func (c *checker) region(r *region) {
	info := c.pass.TypesInfo
	// inClosure is set inside function literals the region runs: their
	// returns and blocks end the literal's call, not the iteration.
	var visit func(n ast.Node, inClosure bool)
	visit = func(root ast.Node, inClosure bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				if l, _ := source.LoopOf(info, n); l.PerElement {
					return false
				}
			case *ast.FuncLit:
				return false // entered only through the call that runs it
			case *ast.GoStmt:
				// A worker started per element (one per configured
				// provider, each syncing on its own timer): N workers, not
				// N round trips of one pass. Workers fed from a channel do
				// the elements' work, and are visited.
				if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok && onTimer(info, lit.Body) {
					return false
				}
			case *ast.ReturnStmt:
				if !inClosure {
					return false // at most once
				}
			case *ast.BlockStmt:
				if n != root && !inClosure && source.Leaves(n) {
					return false
				}
				// A memo's hit that continues: the statements after it
				// run once per distinct key (the miss), not per element.
				for i, st := range n.List {
					if ifs, ok := st.(*ast.IfStmt); ok && !inClosure && c.memoHit(r, ifs) {
						for _, before := range n.List[:i+1] {
							visit(before, inClosure)
						}
						return false
					}
				}
			case *ast.SwitchStmt:
				if r.isElem(info, n.Tag) {
					return false // one case per distinct element
				}
			case *ast.IfStmt:
				// A constant test, a memo's miss, or a batch flushed when
				// full (once per batch, not per element).
				if r.constantTest(info, n.Cond) || c.memoMiss(r, n) || source.BatchFull(info, n.Cond, r.body) {
					if n.Init != nil {
						visit(n.Init, inClosure)
					}
					if n.Else != nil {
						visit(n.Else, inClosure)
					}
					return false
				}
			case *ast.CallExpr:
				c.call(r, n)
				if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
					visit(lit.Body, true)
				}
				site := c.res.At(n)
				for i, arg := range n.Args {
					lit, ok := ast.Unparen(arg).(*ast.FuncLit)
					if !ok || site == nil {
						continue
					}
					for _, a := range site.Args {
						if a.Index == i && !a.Loop { // looped args are regions of their own
							visit(lit.Body, true)
						}
					}
				}
			}
			return true
		})
	}
	if body, ok := r.body.(*ast.BlockStmt); ok && !r.closure && source.Leaves(body) {
		// The body ends by leaving the loop: the statements after the last
		// one that can continue run at most once (the first element that
		// gets past every continue is the last one the loop sees: a login
		// tried against each configured provider, the user saved for the
		// first that accepts).
		last := -1
		for i, st := range body.List {
			if continues(st) {
				last = i
			}
		}
		for _, st := range body.List[:last+1] {
			visit(st, false)
		}
		return
	}
	visit(r.body, r.closure)
}

// continues reports whether n has a continue for its own loop: then
// iterations can skip the statement that leaves.
func continues(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok == token.CONTINUE
		}
		return !found
	})
	return found
}

// isElem reports whether e is the range statement's key or value itself.
func (r *region) isElem(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && r.elems[info.ObjectOf(id)]
}

// constantTest reports whether cond compares an element with a constant
// (v == "content") or with a value fixed for the whole loop (i ==
// total-1): true for at most one element.
func (r *region) constantTest(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if b.Op == token.LAND {
		return r.constantTest(info, b.X) || r.constantTest(info, b.Y)
	}
	if b.Op != token.EQL {
		return false
	}
	fixed := func(e ast.Expr) bool {
		if tv, ok := info.Types[e]; ok && tv.Value != nil {
			return true
		}
		return r.invariant(info, e)
	}
	return r.isElem(info, b.X) && fixed(b.Y) || r.isElem(info, b.Y) && fixed(b.X)
}

// invariant reports whether e has one value for the whole loop: it
// mentions no element and no variable the loop body assigns (i ==
// total-1, i == len(ids)-1: the last iteration).
func (r *region) invariant(info *types.Info, e ast.Expr) bool {
	if r.mentions(info, e) {
		return false
	}
	vars := make(map[types.Object]bool)
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if source.BuiltinName(info, n) != "len" {
				ok = false
			}
		case *ast.Ident:
			if v, isVar := info.Uses[n].(*types.Var); isVar {
				vars[v] = true
			}
		}
		return ok
	})
	if !ok {
		return false
	}
	ast.Inspect(r.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, isID := ast.Unparen(lhs).(*ast.Ident); isID && vars[info.ObjectOf(id)] {
					ok = false
				}
			}
		case *ast.IncDecStmt:
			if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && vars[info.ObjectOf(id)] {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// call reports the per-element round trips of one call made in r.
func (c *checker) call(r *region, call *ast.CallExpr) {
	site := c.res.At(call)
	if site == nil {
		return
	}
	info := c.pass.TypesInfo
	// The same call with the same arguments each time is not per element
	// (a loop-invariant lookup, a retry, a worker started n times).
	dependent := false
	for _, a := range call.Args {
		dependent = dependent || r.mentions(info, a)
	}
	recv, isMethod := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if isMethod {
		dependent = dependent || r.mentions(info, recv.X)
	}
	if !dependent {
		c.hoist(r, call, site)
		return
	}
	if c.dispatch(r, call) || c.statementPerElement(r, call, site) || c.memoHelper(r, call) {
		return
	}
	var effs []effects.Effect
	impls := make(map[string]bool)
	for _, t := range site.Targets {
		if !t.Literal {
			effs = append(effs, t.Effects...)
			if t.Name != "" {
				impls[t.Name] = true
			}
		}
	}
	for _, a := range site.Args {
		if !a.Loop && !a.Target.Literal {
			effs = append(effs, a.Target.Effects...)
		}
	}
	c.report(r, call, effs, len(impls))
}

// dispatch reports whether the call invokes the element itself: a method
// of a loop variable of interface type, or a function value taken from
// the element. Each element is a different implementation (a middleware
// chain, a list of providers or migrations), not a row.
func (c *checker) dispatch(r *region, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if sel := info.Selections[fun]; sel != nil && sel.Kind() == types.FieldVal {
			return r.mentions(info, fun.X) // m.run(db)
		}
		if id, ok := ast.Unparen(fun.X).(*ast.Ident); ok && r.deps[info.ObjectOf(id)] {
			return types.IsInterface(info.TypeOf(id))
		}
	case *ast.Ident:
		return r.deps[info.ObjectOf(fun)] // f(db) with f ranging over functions
	case *ast.IndexExpr:
		return r.mentions(info, fun) // migrations[v](tx)
	}
	return false
}

// statementPerElement reports whether the SQL text a call runs comes from
// the element: each element is a different statement (a list of DDL, a
// migration file, a prepared multi-row INSERT batch), not a row.
func (c *checker) statementPerElement(r *region, call *ast.CallExpr, site *effects.Site) bool {
	info := c.pass.TypesInfo
	fn, _ := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	var indexes []int
	for _, t := range site.Targets {
		if t.Summary != nil {
			for _, u := range t.Summary.SQLParams {
				indexes = append(indexes, u.Param)
			}
		}
		// A SQL library call: its first string parameter is the text.
		if !t.Literal && t.Name == "" && len(t.Effects) > 0 && t.Effects[0].Kind.IsDB() {
			params := fn.Signature().Params()
			for i := 0; i < params.Len(); i++ {
				if b, ok := params.At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
					indexes = append(indexes, i)
					break
				}
			}
		}
	}
	for _, i := range indexes {
		if i < len(call.Args) && r.mentions(info, call.Args[i]) {
			if t := info.TypeOf(call.Args[i]); t == nil {
				continue
			} else if _, isString := t.Underlying().(*types.Basic); isString {
				return true
			}
		}
	}
	return false
}

// hoist reports a read a loop makes with the same arguments on every
// iteration: the same query each time, which belongs before the loop. A
// lookup answered from an in-process cache after the first call is one
// query, not one per element, and is left alone; so is a read in a loop
// that also writes, whose answer may change with every iteration (a
// high-water mark the loop moves on).
func (c *checker) hoist(r *region, call *ast.CallExpr, site *effects.Site) {
	if r.prov.origin == fromCode || r.setup || c.isRetryOrGuard(r, call) || c.writes(r) {
		return
	}
	var best *effects.Effect
	for _, t := range site.Targets {
		if t.Literal {
			continue
		}
		for _, e := range t.Effects {
			if e.Async || e.Looped || e.Cached {
				continue
			}
			if e.Kind == effects.DBReadMany || e.Kind == effects.DBReadOne || e.Kind == effects.Datastore {
				e := e
				if best == nil || e.Chain.Len < best.Chain.Len {
					best = &e
				}
			}
		}
	}
	if best == nil {
		return
	}
	key := [2]token.Pos{r.pos, call.Pos()}
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	loopAt := c.pass.Fset.Position(r.pos)
	what := best.Chain.First()
	if best.Chain.Len > 1 {
		what += " runs " + best.Call()
	} else {
		what += " runs"
	}
	level := report.Warning
	note := ""
	if db := c.database(); db.Embedded() {
		level, note = report.Note, " (a note: the database runs in the process)"
	}
	msg := fmt.Sprintf("loop-invariant query: %s with the same arguments on every iteration over %s (loop at %s:%d)%s: "+
		"the same round trip once per element, so the loop's latency grows with the data for nothing; hoist the call out of the loop and reuse its result",
		what, r.over, filepath.Base(loopAt.Filename), loopAt.Line, note)
	chain := best.Chain.Steps()
	if r.outer != "" {
		chain = append([]string{r.outer}, chain...)
	}
	c.rep.Report(findings.Finding{Pos: call.Pos(), End: call.End(), Level: level, Message: msg, Chain: chain})
}

// writes reports whether r's body writes to the database, directly or
// through its callees, while the loop runs.
func (c *checker) writes(r *region) bool {
	found := false
	ast.Inspect(r.body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if site := c.res.At(call); site != nil {
				for _, t := range site.Targets {
					for _, e := range t.Effects {
						found = found || e.Kind == effects.DBWrite && !e.Async
					}
				}
			}
		}
		return !found
	})
	return found
}

// isRetryOrGuard reports whether a loop-invariant call is how the loop
// decides to go on (a condition, a break) rather than work per element.
func (c *checker) isRetryOrGuard(r *region, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(r.body, func(n ast.Node) bool {
		if ifs, ok := n.(*ast.IfStmt); ok && ifs.Cond.Pos() <= call.Pos() && call.End() <= ifs.Cond.End() {
			found = true
		}
		return !found
	})
	return found
}
