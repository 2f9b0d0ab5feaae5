package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/source"
)

// setupCode reports whether cur is in set-up code (source.SetupCode), or
// in start-up code (effects.Result.AtStartUp): per-element round trips
// there are not reported.
func (c *checker) setupCode(cur inspector.Cursor) bool {
	return source.SetupCode(c.pass, cur) || c.res.AtStartUp(cur)
}

// onFailurePath reports whether call, in region r, runs only when
// something failed: inside if err != nil (or errors.Is/As) in the region.
// A write there records the failure (disable the webhook, log an audit
// row), once per failing element, not once per element.
func (c *checker) onFailurePath(r *region, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(r.body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || found {
			return !found
		}
		if ifs.Body.Pos() <= call.Pos() && call.End() <= ifs.Body.End() && source.TestsFailure(c.pass.TypesInfo, ifs.Cond) {
			found = true
		}
		return !found
	})
	return found
}

// failureBranch reports whether cur, a loop or a call that loops, runs
// only when something failed: it is in the body of an if err != nil (or
// errors.Is/As) of its function, as the undo of a step that failed
// (delete the rows just inserted when the queue refused them).
func (c *checker) failureBranch(cur inspector.Cursor) bool {
	n := cur.Node()
	failed := false
	for up := range cur.Parent().Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := up.Node().(*ast.IfStmt)
		if !ok {
			break
		}
		if ifs.Body.Pos() > n.Pos() || n.End() > ifs.Body.End() {
			continue // in the else branch
		}
		if testsMiss(ifs.Cond) {
			return false // if err != nil { if errors.Is(gorm.ErrRecordNotFound, err) { ... } }
		}
		failed = failed || source.TestsFailure(c.pass.TypesInfo, ifs.Cond)
	}
	return failed
}

// testsMiss reports whether cond tests for a lookup that found nothing
// (errors.Is(err, sql.ErrNoRows), gorm.ErrRecordNotFound, fs.ErrNotExist):
// a miss is the other branch of an ordinary lookup (no direct grant: try
// each group), not a failure.
func testsMiss(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			for _, w := range []string{"NotFound", "NoRows", "NotExist"} {
				found = found || strings.Contains(id.Name, w)
			}
		}
		return !found
	})
	return found
}

// batchWrite reports whether call, in region r, writes the way a batch
// writer does on an embedded database: it executes a prepared statement
// (*sql.Stmt, sqlx's *Stmt and *NamedStmt), or it runs on a transaction
// begun before the loop (*sql.Tx, *sqlx.Tx, as the receiver or handed to
// a helper). One transaction is SQLite's bulk form: the rows reach the
// disk once, at the commit.
func (c *checker) batchWrite(r *region, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	fn, recv := apis.Callee(info, call)
	if fn != nil && recv != nil {
		pkg, name := apis.NamedOf(apis.Deref(recv))
		if name == "Stmt" && (pkg == "database/sql" || pkg == "github.com/jmoiron/sqlx") ||
			name == "NamedStmt" && pkg == "github.com/jmoiron/sqlx" {
			return true
		}
	}
	operands := append([]ast.Expr(nil), call.Args...)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		operands = append(operands, sel.X)
	}
	for _, e := range operands {
		pkg, name := apis.NamedOf(apis.Deref(info.TypeOf(e)))
		if name != "Tx" || pkg != "database/sql" && pkg != "github.com/jmoiron/sqlx" {
			continue
		}
		if v, ok := source.Used(info, e).(*types.Var); ok && v.Pos() < r.pos {
			return true
		}
	}
	return false
}

// copyIn reports whether call executes a statement prepared from lib/pq's
// CopyIn or CopyInSchema in the same function: each Exec buffers one row
// of a COPY, which the final Exec sends at once; it is PostgreSQL's bulk
// form, not a round trip per row.
func (c *checker) copyIn(r *region, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if pkg, name := apis.NamedOf(apis.Deref(info.TypeOf(sel.X))); name != "Stmt" || pkg != "database/sql" {
		return false
	}
	v, ok := source.Used(info, sel.X).(*types.Var)
	if !ok || r.scope == nil {
		return false
	}
	for _, a := range source.AssignedValues(info, r.scope, v) {
		prep, ok := ast.Unparen(a.Expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		for _, arg := range prep.Args {
			inner, ok := ast.Unparen(arg).(*ast.CallExpr)
			if !ok {
				continue
			}
			if f, _ := apis.Callee(info, inner); f != nil && f.Pkg() != nil && f.Pkg().Path() == "github.com/lib/pq" &&
				(f.Name() == "CopyIn" || f.Name() == "CopyInSchema") {
				return true
			}
		}
	}
	return false
}

// database returns the database the package talks to, from the drivers
// it imports (directly or not) and the -nplusone.database setting: ""
// when unknown or when several kinds are imported.
func (c *checker) database() apis.Database {
	if c.s.database != "" {
		return apis.Database(c.s.database)
	}
	return c.res.Database()
}

// acknowledges reports whether write, in region r, records that the
// element was handled after work per element that is not the database's:
// an outbound request, mail or a command earlier in the body (a worker
// that marks each job done once it ran). That write is the job's
// acknowledgement: batching it would lose which jobs were done when the
// worker stops midway, and the work dwarfs the round trip.
func (c *checker) acknowledges(r *region, write *ast.CallExpr) bool {
	found := false
	ast.Inspect(r.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		if call.Pos() >= write.Pos() {
			return false
		}
		if site := c.res.At(call); site != nil && callsOut(site.Effects()) {
			found = true
		}
		return !found
	})
	return found
}

// paced reports whether the body of region r, besides the call at, does
// synchronous work for every element (outside any branch, and outside any
// goroutine that at does not run in) that is not the database's and
// dwarfs a round trip: an outbound request, mail, a command, or a sleep (a
// loop that tests one upstream after another, runs one action after
// another, or waits between elements on purpose). Its time goes there; a
// read per element is not what makes it slow, a write beside it records
// the element's progress, and batching either would not change that.
func (c *checker) paced(r *region, at *ast.CallExpr) bool {
	found := false
	ast.Inspect(r.body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			// A goroutine's work paces only what runs in the same
			// goroutine, not the loop that starts it.
			return n.Pos() <= at.Pos() && at.End() <= n.End()
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			// Work in a branch (only for some elements: a crawler
			// enabled, a new entry) does not pace every element.
			return n == r.body
		case *ast.CaseClause, *ast.CommClause:
			return false
		case *ast.CallExpr:
			if n == at {
				return true
			}
			if site := c.res.At(n); site != nil && slices.ContainsFunc(site.Effects(), func(e effects.Effect) bool {
				return outbound(e) && !e.Failure && !e.Variant
			}) {
				found = true
			}
		}
		return !found
	})
	return found
}

// callsOut reports whether the effects of one call include synchronous
// outbound work (an HTTP request, mail, a command): a helper that
// delivers to one webhook and logs the delivery, or fetches one remote
// item and stores it. Its write records that work, as acknowledges says,
// and the outbound call dwarfs the round trip.
func callsOut(effs []effects.Effect) bool { return slices.ContainsFunc(effs, outbound) }

// outbound reports whether e is synchronous work that is not the
// database's: an outbound request, mail, a command, a sleep.
func outbound(e effects.Effect) bool {
	return !e.Async && (e.Kind == effects.HTTP || e.Kind == effects.Blocking)
}

// memoMiss reports whether ifs is the miss branch of a lookup memoised in
// a local map by an attribute of the element, not the element itself:
//
//	owner, ok := owners[item.OwnerID]
//	if !ok { owner = store.GetUser(ctx, item.OwnerID); owners[item.OwnerID] = owner }
//
// The round trip then runs once per distinct owner, not once per item.
// A map keyed by the element itself (ids) still misses once per element,
// and is reported: even a map the caller hands in misses once per
// distinct element of each call.
func (c *checker) memoMiss(r *region, ifs *ast.IfStmt) bool {
	return c.memo(r, ifs, false)
}

// memoHit reports whether ifs is the hit branch of such a memo, which
// leaves the iteration, with the miss after it:
//
//	ug, ok := cache[id]
//	if ok { groups = append(groups, ug); continue }
//	ug = store.GetGroup(ctx, id); cache[id] = ug
func (c *checker) memoHit(r *region, ifs *ast.IfStmt) bool {
	if ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	last, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.BranchStmt)
	if !ok || last.Tok != token.CONTINUE || last.Label != nil {
		return false
	}
	return c.memo(r, ifs, true)
}

// memo reports whether ifs tests a memo's lookup: on a miss (if !ok, if
// m[k] == nil) or, with hit, on a hit (if ok, if m[k] != nil).
func (c *checker) memo(r *region, ifs *ast.IfStmt, hit bool) bool {
	info := c.pass.TypesInfo
	var index *ast.IndexExpr
	okIndex := func(e ast.Expr) {
		okVar, isIdent := ast.Unparen(e).(*ast.Ident)
		if !isIdent {
			return
		}
		for _, a := range source.AssignedValues(info, r.body, info.ObjectOf(okVar)) {
			if a.Index == 1 {
				index, _ = ast.Unparen(a.Expr).(*ast.IndexExpr)
				break
			}
		}
	}
	switch cond := ast.Unparen(ifs.Cond).(type) {
	case *ast.UnaryExpr: // v, ok := m[k]; if !ok
		if cond.Op == token.NOT && !hit {
			okIndex(cond.X)
		}
	case *ast.Ident: // v, ok := m[k]; if ok
		if hit {
			okIndex(cond)
		}
	case *ast.BinaryExpr: // if m[k] == nil, if m[k] != nil
		if (cond.Op == token.EQL && !hit || cond.Op == token.NEQ && hit) && source.IsNil(info, cond.Y) {
			index, _ = ast.Unparen(cond.X).(*ast.IndexExpr)
		}
		if cond.Op == token.LOR && hit {
			index = seenIndex(info, cond)
		}
	case *ast.IndexExpr: // if seen[k] { continue }
		if hit {
			index = seenIndex(info, cond)
		}
	}
	if index == nil || r.isElem(info, index.Index) || !r.mentions(info, index.Index) {
		return false
	}
	if _, isMap := info.TypeOf(index.X).Underlying().(*types.Map); !isMap {
		return false
	}
	m, ok := source.Used(info, index.X).(*types.Var)
	if !ok || m.IsField() || m.Parent() == m.Pkg().Scope() || r.body.Pos() <= m.Pos() && m.Pos() < r.body.End() {
		return false // a local map made before the loop
	}
	// The value is stored under the same key in the miss branch, or later
	// in the iteration (m[k] = v after the if).
	key := types.ExprString(index.Index)
	stored := false
	ast.Inspect(r.body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && source.Used(info, ix.X) == m &&
					(!hit && inside(ix, ifs.Body) || types.ExprString(ix.Index) == key) {
					stored = true
				}
			}
		}
		return !stored
	})
	return stored
}

// memoHelper reports whether call, in region r, is a call of a function
// of this package that memoises its lookup in a map it is handed, by a
// key it is handed (getAgentName(store, names, task.AgentID): v, ok :=
// names[id]; if ok { return v }; ...read...; names[id] = v), with a map
// made before the loop and a key that is an attribute of the element: a
// round trip per distinct key, as memoMiss says of the same memo written
// in the loop.
func (c *checker) memoHelper(r *region, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	fn, _ := apis.Callee(info, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	decl := c.declOf(fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	params := source.Params(info, decl)
	index := func(v types.Object) int {
		for i, p := range params {
			if p == v {
				return i
			}
		}
		return -1
	}
	for i, st := range decl.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 || i+1 >= len(decl.Body.List) {
			continue
		}
		ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
		if !ok {
			continue
		}
		m, k := index(source.Used(info, ix.X)), index(source.Used(info, ix.Index))
		ifs, ok := decl.Body.List[i+1].(*ast.IfStmt)
		if m < 0 || k < 0 || m >= len(call.Args) || k >= len(call.Args) || !ok || !source.Leaves(ifs.Body) {
			continue
		}
		okVar, ok := ast.Unparen(ifs.Cond).(*ast.Ident)
		if !ok || info.Uses[okVar] != info.ObjectOf(as.Lhs[1].(*ast.Ident)) {
			continue
		}
		if !c.storesUnder(decl.Body, params[m], params[k]) {
			continue
		}
		mapArg, ok := source.Used(info, call.Args[m]).(*types.Var)
		if !ok || r.body.Pos() <= mapArg.Pos() && mapArg.Pos() < r.body.End() {
			return false // a map made per element
		}
		key := call.Args[k]
		return r.mentions(info, key) && !r.isElem(info, key)
	}
	return false
}

// storesUnder reports whether body assigns m[k] for the variables m, k.
func (c *checker) storesUnder(body ast.Node, m, k types.Object) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && source.Used(info, ix.X) == m && source.Used(info, ix.Index) == k {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// declOf returns the declaration of fn, a function of this package,
// from an index built the first time it is asked for.
func (c *checker) declOf(fn *types.Func) *ast.FuncDecl {
	if c.decls == nil {
		c.decls = source.FuncDecls(c.pass.TypesInfo, c.pass.Files)
	}
	return c.decls[fn.Origin()]
}

// seenIndex returns the index of a set of keys already handled that cond
// tests, alone or as one side of a disjunction: seen[k] of a map of
// booleans (if done || seen[m.ProjectID] { continue }).
func seenIndex(info *types.Info, cond ast.Expr) *ast.IndexExpr {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if c.Op != token.LOR {
			return nil
		}
		if ix := seenIndex(info, c.X); ix != nil {
			return ix
		}
		return seenIndex(info, c.Y)
	case *ast.IndexExpr:
		if m, ok := info.TypeOf(c.X).Underlying().(*types.Map); ok {
			if b, ok := m.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
				return c
			}
		}
	}
	return nil
}

// inside reports whether n lies within outer.
func inside(n, outer ast.Node) bool { return outer.Pos() <= n.Pos() && n.End() <= outer.End() }

// startsWorkers reports whether loop only starts a pool of workers: a
// counted loop (for i := 0; i < n; i++) whose index its body does not
// use, and that starts a goroutine, when the channel the workers receive
// from is not fed in body, the enclosing function (a log hook's queue
// that requests fill). What the workers do runs once per job that
// arrives, not once per worker. A pool the same function feeds from a
// collection does that collection's work: each element costs its round
// trip, and it is reported.
func startsWorkers(info *types.Info, loop, body ast.Node) bool {
	f, ok := loop.(*ast.ForStmt)
	if !ok || f.Init == nil || f.Post == nil || body == nil {
		return false
	}
	as, ok := f.Init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	index := info.ObjectOf(id)
	used := false
	var queues []types.Object // the channels the workers range over
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			used = used || info.Uses[n] == index
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				if _, isChan := t.Underlying().(*types.Chan); isChan {
					if obj := source.Used(info, n.X); obj != nil {
						queues = append(queues, obj)
					}
				}
			}
		}
		return true
	})
	goes := false
	for _, st := range f.Body.List {
		if _, ok := st.(*ast.GoStmt); ok {
			goes = true
		}
	}
	if used || !goes || len(queues) == 0 {
		return false
	}
	fed := false
	ast.Inspect(body, func(n ast.Node) bool {
		if s, ok := n.(*ast.SendStmt); ok {
			if obj := source.Used(info, s.Chan); obj != nil && slices.Contains(queues, obj) {
				fed = true
			}
		}
		return !fed
	})
	return !fed
}
