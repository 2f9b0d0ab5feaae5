package nplusone

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/diag"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/source"
)

//go:embed doc.go
var doc string

// Analyzer reports database round trips made once per element of a loop.
var Analyzer = &analysis.Analyzer{
	Name:     "nplusone",
	Doc:      diag.MustDoc(doc, "nplusone"),
	URL:      "https://github.com/apilint/apilint#nplusone",
	Requires: []*analysis.Analyzer{inspect.Analyzer, effects.Analyzer},
	Run:      run,
}

// reportWrites reports writes in loops (level warning).
var reportWrites = true

func init() {
	Analyzer.Flags.BoolVar(&reportWrites, "writes", true, "report writes made once per element of a loop (level warning)")
}

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
}

type checker struct {
	pass *analysis.Pass
	res  *effects.Result
	seen map[string]bool // region position + callee: one finding each
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass: pass,
		res:  pass.ResultOf[effects.Analyzer].(*effects.Result),
		seen: make(map[string]bool),
	}
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if diag.Skip(pass, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				l, _ := source.LoopOf(pass.TypesInfo, n)
				if l.PerElement {
					over := l.Over
					if over == "" {
						over = "the loop"
					}
					c.region(region{body: l.Body, over: over, pos: n.Pos(), outer: c.outer(cur)})
				}
			case *ast.CallExpr:
				c.helperLoops(cur, n)
			}
		}
	}
	return nil, nil
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
		if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
			c.region(region{body: lit.Body, over: desc, pos: call.Pos(), outer: c.outer(cur)})
			continue
		}
		r := region{over: desc, pos: call.Pos(), outer: c.outer(cur)}
		c.report(r, arg, a.Target.Name, a.Target.Summary.List(), a.Target.Inferred)
	}
}

// collectionArg returns the first slice, map or channel argument of call,
// as source text, or "each element".
func collectionArg(info *types.Info, call *ast.CallExpr) string {
	for _, a := range call.Args {
		switch info.TypeOf(a).Underlying().(type) {
		case *types.Slice, *types.Map, *types.Chan, *types.Array:
			return types.ExprString(a)
		}
	}
	return "each element"
}

// region reports the round trips made in r's body: its calls, and those
// in function literals it runs (called in place, started with go, handed
// to errgroup.Go or another callback), but not those in nested per-element
// loops, which are regions of their own.
func (c *checker) region(r region) {
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if l, _ := source.LoopOf(c.pass.TypesInfo, n); l.PerElement {
				return false
			}
		case *ast.FuncLit:
			return false // entered only through the call that runs it
		case *ast.CallExpr:
			c.call(r, n)
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
				ast.Inspect(lit.Body, visit)
			}
			site := c.res.At(n)
			for i, arg := range n.Args {
				lit, ok := ast.Unparen(arg).(*ast.FuncLit)
				if !ok || site == nil {
					continue
				}
				for _, a := range site.Args {
					if a.Index == i && !a.Loop { // looped args are regions of their own
						ast.Inspect(lit.Body, visit)
					}
				}
			}
		}
		return true
	}
	ast.Inspect(r.body, visit)
}

// call reports the round trips of one call made in r.
func (c *checker) call(r region, call *ast.CallExpr) {
	site := c.res.At(call)
	if site == nil {
		return
	}
	for _, t := range site.Targets {
		if t.Literal {
			continue // its body is visited
		}
		c.report(r, call, t.Name, t.Summary.List(), t.Inferred)
	}
	for _, a := range site.Args {
		if a.Loop || a.Target.Literal {
			continue
		}
		c.report(r, call.Args[a.Index], a.Target.Name, a.Target.Summary.List(), a.Target.Inferred)
	}
}

// report reports the most telling round trip among effs, made by callee
// (its chain name; "" when the call is the library call itself) at node.
func (c *checker) report(r region, at ast.Node, callee string, effs []effects.Effect, inferred bool) {
	e, ok := pick(effs)
	if !ok {
		return
	}
	if e.Kind == effects.DBWrite && !reportWrites {
		return
	}
	e = e.Through(callee, inferred)
	shown := e.Chain[0]
	key := fmt.Sprintf("%d %s", r.pos, shown)
	if c.seen[key] {
		return
	}
	c.seen[key] = true

	loopAt := c.pass.Fset.Position(r.pos)
	var msg strings.Builder
	if e.Kind == effects.DBWrite {
		msg.WriteString("N+1 write: ")
	} else {
		msg.WriteString("N+1: ")
	}
	if len(e.Chain) == 1 {
		fmt.Fprintf(&msg, "%s runs", e.Chain[0])
	} else {
		fmt.Fprintf(&msg, "%s runs %s", shown, e.Call())
	}
	fmt.Fprintf(&msg, " once per element of %s (loop at %s:%d)", r.over, filepath.Base(loopAt.Filename), loopAt.Line)
	if e.Inferred {
		msg.WriteString(" (inferred: the call goes through an interface whose implementation is not visible here, and its name suggests a database)")
	}
	msg.WriteString(": " + why(e.Kind) + "; " + fix(e.Kind, shown))
	level := diag.Error
	if e.Kind == effects.DBWrite {
		level = diag.Warning
	}
	chain := e.Chain
	if r.outer != "" {
		chain = append([]string{r.outer}, chain...)
	}
	diag.Report(c.pass, diag.Finding{Pos: at.Pos(), End: at.End(), Level: level, Message: msg.String(), Chain: chain})
}

// pick chooses the effect to report: reads before other round trips
// before writes, synchronous before asynchronous.
func pick(effs []effects.Effect) (effects.Effect, bool) {
	order := []effects.Kind{effects.DBReadMany, effects.DBReadOne, effects.DBOther, effects.Datastore, effects.DBWrite}
	for _, async := range []bool{false, true} {
		for _, k := range order {
			for _, e := range effs {
				if e.Kind == k && e.Async == async {
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

func fix(k effects.Kind, callee string) string {
	switch k {
	case effects.DBWrite:
		return "write all elements in one statement: a multi-row INSERT, COPY (pgx CopyFrom), or INSERT ... SELECT FROM UNNEST($1)"
	case effects.Datastore:
		return "fetch all keys in one round trip before the loop (MGET, or a pipeline)"
	case effects.DBOther:
		return "do it once, outside the loop"
	}
	return "load all " + noun(callee) + " with one query before the loop (WHERE id = ANY($1), IN (...), or a JOIN) and look them up in a map"
}

// noun guesses what a lookup loads from its name: GetUser → users.
func noun(callee string) string {
	name := callee
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	for _, p := range []string{"Get", "Find", "Load", "Fetch", "Lookup", "Select", "Read", "By"} {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" && unicode.IsUpper(rune(rest[0])) {
			name = rest
			break
		}
	}
	if name == "" || !unicode.IsUpper(rune(name[0])) || strings.ContainsAny(name, "()*") {
		return "rows"
	}
	r := []rune(name)
	r[0] = unicode.ToLower(r[0])
	name = string(r)
	if i := strings.Index(name, "By"); i > 0 {
		name = name[:i]
	}
	if !strings.HasSuffix(name, "s") {
		name += "s"
	}
	return name
}
