package nplusone

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/docs"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/report"
	"github.com/apilint/apilint/internal/source"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name and rule id.
const Name = "nplusone"

// settings are the analyzer's flags.
type settings struct {
	// writes reports writes in loops (level warning).
	writes bool
	// database names the program's database when its drivers do not say
	// (postgres, mysql, sqlite, sqlserver).
	database string
	// embedded reports every loop of round trips to a database that runs
	// in the process (level note); off, those over the items of one
	// request or message are not reported.
	embedded bool
}

// New returns a nplusone analyzer for one run: it reads the program's
// effects from fx and reports through out.
func New(fx *analysis.Analyzer, out *findings.Options) *analysis.Analyzer {
	s := &settings{}
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.MustDoc(doc, Name),
		URL:      "https://github.com/apilint/apilint#nplusone",
		Requires: []*analysis.Analyzer{inspect.Analyzer, fx},
	}
	a.Flags.BoolVar(&s.writes, "writes", true, "report writes made once per element of a loop (level warning)")
	a.Flags.StringVar(&s.database, "database", "",
		"the program's database when the drivers it imports do not say: postgres, mysql, sqlite (in the process: see -embedded) or sqlserver")
	a.Flags.BoolVar(&s.embedded, "embedded", false,
		"on a database that runs in the process, such as SQLite, where a round trip costs microseconds, also report loops over the items of one request or message (level note)")
	a.Run = func(pass *analysis.Pass) (any, error) {
		rep := findings.Start(pass, out)
		run(pass, rep, pass.ResultOf[fx].(*effects.Result), s)
		return nil, rep.Finish()
	}
	return a
}

type checker struct {
	pass *analysis.Pass
	rep  *findings.Reporter
	res  *effects.Result
	s    *settings
	seen map[[2]token.Pos]bool // (region, call): one finding each
	// calls indexes the uses of the package's functions (callIndex).
	calls map[*types.Func]*funcUses
	// decls indexes the package's function declarations (declOf).
	decls map[*types.Func]*ast.FuncDecl
}

func run(pass *analysis.Pass, rep *findings.Reporter, res *effects.Result, s *settings) {
	if source.TestSupport(pass) {
		return
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass: pass,
		rep:  rep,
		res:  res,
		s:    s,
		seen: make(map[[2]token.Pos]bool),
	}
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if source.Skip(pass, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				var body ast.Node
				if fn, ok := source.OutermostFunc(cur); ok {
					body = source.Body(fn.Node())
				}
				if l, _ := source.LoopOf(pass.TypesInfo, n, body); l.PerElement {
					c.loop(cur, l)
				}
			case *ast.CallExpr:
				c.helperLoops(cur, n)
			}
		}
	}
}

// loop checks the body of a per-element loop. A loop that stops at the
// first element whose call succeeds (servers tried in turn until one
// answers: source.Loop.Failover) usually runs once: its round trips are
// a fallback's, as blocking treats its requests. One that searches the
// elements for an answer (if found { break }) may read every one.
func (c *checker) loop(cur inspector.Cursor, l source.Loop) {
	if l.Failover {
		return
	}
	if fn, ok := source.OutermostFunc(cur); ok && startsWorkers(c.pass.TypesInfo, l.Node, source.Body(fn.Node())) {
		return
	}
	over := l.Over
	if over == "" {
		over = "the loop"
	}
	r := &region{
		body:    l.Body,
		over:    over,
		pos:     l.Node.Pos(),
		outer:   c.outer(cur),
		prov:    c.loopProvenance(cur, l),
		setup:   c.setupCode(cur),
		failure: c.failureBranch(cur),
		scope:   c.funcBody(cur),
	}
	r.deps = c.loopVars(r, l)
	// Name the loops this one is nested in: the count multiplies.
	for up := range cur.Parent().Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, isFunc := up.Node().(*ast.FuncLit); isFunc {
			break
		}
		if _, isFunc := up.Node().(*ast.FuncDecl); isFunc {
			break
		}
		if ol, _ := source.LoopOf(c.pass.TypesInfo, up.Node()); ol.PerElement {
			p := c.pass.Fset.Position(up.Node().Pos())
			r.nested = fmt.Sprintf(", inside the loop over %s (line %d)", ol.Over, p.Line)
			break
		}
	}
	c.region(r)
}

// outer names the function declaration enclosing cur for the chain.
func (c *checker) outer(cur inspector.Cursor) string {
	fn, ok := source.OutermostFunc(cur)
	if !ok {
		return ""
	}
	if decl, ok := fn.Node().(*ast.FuncDecl); ok {
		if obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
			return effects.ChainName(obj)
		}
	}
	return ""
}

// helperLoops handles function values passed to a helper that calls them
// once per element.
func (c *checker) helperLoops(cur inspector.Cursor, call *ast.CallExpr) {
	site := c.res.At(call)
	if site == nil {
		return
	}
	for _, a := range site.Args {
		if !a.Loop {
			continue
		}
		over := collectionArg(c.pass.TypesInfo, call)
		helper := "its callee"
		if len(site.Targets) > 0 && site.Targets[0].Name != "" {
			helper = site.Targets[0].Name
		} else if fn, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			helper = types.ExprString(fn)
		}
		desc := fmt.Sprintf("%s (%s calls it per element)", over, helper)
		arg := call.Args[a.Index]
		prov := provenance{origin: fromUnknown}
		if coll := collectionExpr(c.pass.TypesInfo, call); coll != nil {
			prov = c.provenanceOf(coll, c.funcBody(cur), 0)
		}
		if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
			c.region(&region{body: lit.Body, over: desc, pos: call.Pos(), outer: c.outer(cur), deps: c.closureVars(lit), closure: true,
				prov: prov, setup: c.setupCode(cur), failure: c.failureBranch(cur), scope: c.funcBody(cur)})
			continue
		}
		r := &region{over: desc, pos: call.Pos(), outer: c.outer(cur), prov: prov, setup: c.setupCode(cur), failure: c.failureBranch(cur),
			scope: c.funcBody(cur)}
		c.report(r, arg, a.Target.Effects, len(site.Targets))
	}
}

// collectionArg returns the first slice, map or channel argument of call,
// as source text, or "each element".
func collectionArg(info *types.Info, call *ast.CallExpr) string {
	for _, a := range call.Args {
		t := info.TypeOf(a)
		if t == nil {
			continue
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Map, *types.Chan, *types.Array:
			return types.ExprString(a)
		}
	}
	return "each element"
}

// report reports the most telling per-element round trip among effs
// (chains start at the call), made by the call or argument at.
func (c *checker) report(r *region, at ast.Node, effs []effects.Effect, implementations int) {
	e, ok := pick(effs)
	if !ok || r.prov.origin == fromCode || r.setup {
		return // a list the code fixes; migrations and other set-up code
	}
	if e.Kind == effects.DBWrite && !c.s.writes {
		return
	}
	db := c.database()
	if call, ok := at.(*ast.CallExpr); ok && c.onFailurePath(r, call) || r.failure {
		return // records or resolves a failure, once per failing element or failed step
	}
	if call, ok := at.(*ast.CallExpr); ok && c.paced(r, call) {
		// The outbound work or the pause per element is the cost; a write
		// beside it records the element's progress (pending, then done).
		return
	}
	if call, ok := at.(*ast.CallExpr); ok && e.Kind == effects.DBWrite {
		if c.acknowledges(r, call) || callsOut(effs) {
			return // marks one job done after its work
		}
		if db.Embedded() && c.batchWrite(r, call) {
			return // the bulk form of an embedded database
		}
		if c.copyIn(r, call) {
			return // rows of one COPY: PostgreSQL's bulk form
		}
	}
	if db.Embedded() && e.Kind.IsDB() && !c.s.embedded && r.prov.origin == fromRequest {
		// In the process a round trip costs microseconds: many small
		// queries are how SQLite is meant to be used. A loop over the
		// items of one request or message makes as many as it holds,
		// which does not add up; one over stored data, or data of unknown
		// origin (every stop of an agency, every vehicle of a feed), can.
		return
	}
	key := [2]token.Pos{r.pos, at.Pos()}
	if c.seen[key] {
		return
	}
	c.seen[key] = true

	shown := e.Chain.First()
	loopAt := c.pass.Fset.Position(r.pos)
	var msg strings.Builder
	if e.Kind == effects.DBWrite {
		msg.WriteString("N+1 write: ")
	} else {
		msg.WriteString("N+1: ")
	}
	if e.Chain.Len == 1 {
		fmt.Fprintf(&msg, "%s runs", shown)
	} else {
		fmt.Fprintf(&msg, "%s runs %s", shown, e.Call())
	}
	if implementations > 1 {
		fmt.Fprintf(&msg, " (one of %d implementations of the interface called here)", implementations)
	}
	fmt.Fprintf(&msg, " once per element of %s (loop at %s:%d%s)", r.over, filepath.Base(loopAt.Filename), loopAt.Line, r.nested)
	if e.Inferred {
		msg.WriteString(" (inferred: the call goes through an interface whose implementation is not visible here, and its name suggests a database)")
	}
	level, because := c.level(r, e, db)
	msg.WriteString(": " + why(e.Kind) + because + "; " + fix(e.Kind, shown, db))
	chain := e.Chain.Steps()
	if r.outer != "" {
		chain = append([]string{r.outer}, chain...)
	}
	c.rep.Report(findings.Finding{Pos: at.Pos(), End: at.End(), Level: level, Message: msg.String(), Chain: chain})
}

// pick chooses the effect to report: reads before datastore calls before
// batches before writes, synchronous before asynchronous. Transaction
// control and pings (DBOther) are never the round trip worth reporting,
// effects the callee reaches only inside a loop of its own are
// reported at that loop, and effects it reaches only on a miss of a
// long-lived in-process cache (a map in a field or a package variable,
// looked up before the query) run once per key, not once per call.
func pick(effs []effects.Effect) (effects.Effect, bool) {
	order := []effects.Kind{effects.DBReadMany, effects.DBReadOne, effects.Datastore, effects.DBBatch, effects.DBWrite}
	for _, async := range []bool{false, true} {
		for _, k := range order {
			for _, e := range effs {
				if e.Kind == k && e.Async == async && !e.Looped && !e.Cached && !e.Variant && !e.Failure {
					return e, true
				}
			}
		}
	}
	return effects.Effect{}, false
}

func why(k effects.Kind) string {
	if k == effects.Datastore {
		return "one round trip per element, so latency grows with the data and a page of 1,000 items costs 1,000 round trips"
	}
	return "one round trip per element, so latency and database load grow with the data: a page of 1,000 rows costs 1,000 queries"
}

func fix(k effects.Kind, callee string, db apis.Database) string {
	switch k {
	case effects.DBWrite:
		switch db {
		case apis.Postgres:
			return "write all elements in one statement: COPY (pgx CopyFrom) or INSERT ... SELECT FROM UNNEST($1)"
		case apis.MySQL:
			return "write all elements in one statement: a multi-row INSERT ... VALUES (...), (...)"
		case apis.SQLite:
			return "write them in one transaction with one prepared statement"
		}
		return "write all elements in one statement: a multi-row INSERT, COPY (pgx CopyFrom), or INSERT ... SELECT FROM UNNEST($1)"
	case effects.Datastore:
		return "fetch all keys in one round trip before the loop (MGET, or a pipeline)"
	case effects.DBBatch:
		return "queue every element in one batch and send it once, after the loop"
	}
	switch db {
	case apis.Postgres:
		return "load all " + noun(callee) + " with one query before the loop (WHERE id = ANY($1), or a JOIN) and look them up in a map"
	case apis.MySQL, apis.SQLite, apis.SQLServer:
		return "load all " + noun(callee) + " with one query before the loop (WHERE id IN (...), or a JOIN) and look them up in a map"
	}
	return "load all " + noun(callee) + " with one query before the loop (WHERE id = ANY($1), IN (...), or a JOIN) and look them up in a map"
}

// level decides a finding's level from where the loop's collection comes
// from and where the database runs, and says why.
func (c *checker) level(r *region, e effects.Effect, db apis.Database) (report.Level, string) {
	level, because := report.Error, ""
	switch r.prov.origin {
	case fromStored:
		because = "; the loop walks " + r.prov.why + ", so N is as many rows as that read returns"
		if r.prov.whole {
			because = "; the loop walks " + r.prov.why + ", a read with no row limit, so N grows with the table"
		}
	case fromRequest:
		what := r.prov.why
		if !strings.HasPrefix(what, "the ") {
			what = "the items of " + what // one request, one Post
		}
		level, because = report.Warning, "; the loop walks "+what+", so N is bounded by its size (a warning, not an error)"
	}
	if e.Kind == effects.DBWrite {
		level = report.Warning
	}
	if db.Embedded() && e.Kind.IsDB() {
		level = report.Note
		because += "; the database (" + string(db) + ") runs in the process, where a round trip costs microseconds (a note)"
	}
	return level, because
}

// noun guesses what a lookup loads from its name: GetUser → users,
// FindOrderByID → orders; "rows" when the name says nothing.
func noun(callee string) string {
	if strings.ContainsAny(callee, "()*") && !strings.Contains(callee, ").") {
		return "rows"
	}
	name := callee
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	for _, p := range []string{"Get", "Find", "Load", "Fetch", "Lookup", "Read"} {
		rest, ok := strings.CutPrefix(name, p)
		if !ok || rest == "" || rest[0] < 'A' || rest[0] > 'Z' {
			continue
		}
		if i := strings.Index(rest, "By"); i > 0 {
			rest = rest[:i]
		}
		rest = strings.ToLower(rest[:1]) + rest[1:]
		if !strings.HasSuffix(rest, "s") {
			rest += "s"
		}
		return rest
	}
	return "rows"
}

// loopProvenance finds where loop l's collection comes from.
func (c *checker) loopProvenance(cur inspector.Cursor, l source.Loop) provenance {
	body := c.funcBody(cur)
	switch n := l.Node.(type) {
	case *ast.RangeStmt:
		if t := c.pass.TypesInfo.TypeOf(n.X); t != nil {
			if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
				return c.countProvenance(n.X, body)
			}
		}
		return c.provenanceOf(n.X, body, 0)
	case *ast.ForStmt:
		if call, ok := ast.Unparen(n.Cond).(*ast.CallExpr); ok {
			if _, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && n.Init == nil && n.Post == nil {
				return provenance{origin: fromStored, why: "the rows of a query"} // for rows.Next()
			}
		}
		if b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok {
			for _, side := range []ast.Expr{b.X, b.Y} {
				if p := c.countProvenance(side, body); p.origin != fromUnknown {
					return p
				}
			}
		}
	}
	return provenance{origin: fromUnknown}
}

// countProvenance is the provenance of a loop bound: len(x) is x's; a
// constant, or the number of a type's fields, is the code's.
func (c *checker) countProvenance(e ast.Expr, body ast.Node) provenance {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" {
			return c.provenanceOf(call.Args[0], body, 0)
		}
	}
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return provenance{origin: fromCode, why: "a number written in the code"}
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		// rt.NumField(), v.NumMethod(): the fields or methods of a type,
		// which the code declares.
		if fn, _ := apis.Callee(c.pass.TypesInfo, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "reflect" {
			switch fn.Name() {
			case "NumField", "NumMethod", "NumIn", "NumOut":
				return provenance{origin: fromCode, why: "the fields of a type"}
			}
		}
	}
	return provenance{origin: fromUnknown}
}

// funcBody returns the body of the function declaration enclosing cur.
func (c *checker) funcBody(cur inspector.Cursor) ast.Node {
	if fn, ok := source.OutermostFunc(cur); ok {
		return source.Body(fn.Node())
	}
	return nil
}

// collectionExpr returns the first slice, map or channel argument of a
// helper call: the collection it walks.
func collectionExpr(info *types.Info, call *ast.CallExpr) ast.Expr {
	for _, a := range call.Args {
		t := info.TypeOf(a)
		if t == nil {
			continue
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Map, *types.Chan, *types.Array:
			return a
		}
	}
	return nil
}
