package source

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/apilint/apilint/internal/apis"
)

// MaxRetries is the largest constant bound of a loop that is taken for a
// retry loop (when its body can break or return early) rather than a loop
// over data.
const MaxRetries = 10

// LoopKind says what a loop repeats over.
type LoopKind uint8

// The kinds of loops.
const (
	// PerElement loops run once per element of a collection, result set
	// or stream.
	PerElement LoopKind = iota + 1
	// Poll loops run until something happens: for {}, for cond {}
	// (paging, keyset batches, workers), and ranges over a ticker or a
	// done channel.
	Poll
	// Retry loops have a small constant bound and an early exit.
	Retry
	// Chunk loops step through a collection several elements at a time
	// (i += 500).
	Chunk
	// Fixed loops walk a literal list of constants.
	Fixed
	// Worker loops take jobs from a channel: each iteration handles one
	// job, whose queries are not once per element of a collection.
	Worker
)

// Loop describes a for or range statement.
type Loop struct {
	Node ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	Body *ast.BlockStmt
	// Over names what the loop walks, for messages: "orders", "rows".
	Over string
	Kind LoopKind
	// PerElement is Kind == PerElement.
	PerElement bool
	// FirstSuccess is set for a per-element loop that stops at the first
	// element for which a call succeeds (if err == nil { return v }, or
	// if err != nil { continue } and then a return): a fallback over
	// candidates, which usually makes one call.
	FirstSuccess bool
	// Failover is set when that stop is the call's success itself (if
	// err == nil { return }, or a return right after skipping the
	// failures), not an answer searched for among the elements (if
	// found { break }), which may take every element to find.
	Failover bool
}

// LoopOf describes n if it is a loop statement. roots, when given, are
// searched for the assignments of a bound held in a local variable
// (maxRetries := 3): pass the enclosing function's body.
func LoopOf(info *types.Info, n ast.Node, roots ...ast.Node) (Loop, bool) {
	l, ok := loopOf(info, n, roots)
	l.PerElement = l.Kind == PerElement
	if l.PerElement {
		l.FirstSuccess, l.Failover = firstSuccess(info, l.Body)
	}
	return l, ok
}

// firstSuccess reports whether a loop body returns when an error is nil,
// at its top level: if err == nil { ...; return ... }, or
// if err != nil { continue } followed by a return, or by a test that
// returns or breaks once the answer is found (a failover over configured
// URLs).
//
// failover is set when the stop is the success itself, not an answer
// found after it (see Loop.Failover).
func firstSuccess(info *types.Info, body *ast.BlockStmt) (stops, failover bool) {
	skipped := false
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.IfStmt:
			if stopsOnSuccess(info, st.Cond) && endsWithReturn(st.Body) {
				// if err == nil || errors.Is(err, ErrNotFound) { return }:
				// success, or a failure no other candidate would mend.
				return true, true
			}
			b, ok := ast.Unparen(st.Cond).(*ast.BinaryExpr)
			if !ok || !isErrorVar(info, b.X) || !IsNil(info, b.Y) {
				// After the failures were skipped, a return or a break
				// once the answer is found (if v, ok := found(resp); ok {
				// return v }, if resp.StatusCode == 200 { ...; break }).
				if skipped && (returnsInside(st.Body) || breaksOut(st.Body)) {
					return true, false
				}
				continue
			}
			switch {
			case b.Op == token.EQL && endsWithReturn(st.Body):
				return true, true
			case b.Op == token.NEQ && len(st.Body.List) > 0:
				if br, ok := st.Body.List[len(st.Body.List)-1].(*ast.BranchStmt); ok && br.Tok == token.CONTINUE && br.Label == nil {
					skipped = true
				}
			}
		case *ast.ReturnStmt:
			return skipped, skipped
		}
	}
	return false, false
}

// stopsOnSuccess reports whether cond is a disjunction one of whose
// operands is err == nil.
func stopsOnSuccess(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.LOR {
		return false
	}
	for _, x := range []ast.Expr{b.X, b.Y} {
		if e, ok := ast.Unparen(x).(*ast.BinaryExpr); ok && e.Op == token.EQL && isErrorVar(info, e.X) && IsNil(info, e.Y) {
			return true
		}
		if stopsOnSuccess(info, x) {
			return true
		}
	}
	return false
}

// returnsInside reports whether b returns, outside function literals.
func returnsInside(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// breaksOut reports whether b leaves the loop it is in: an unlabeled break
// outside the loops, switches and selects nested in b.
func breaksOut(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok == token.BREAK && n.Label == nil
		}
		return !found
	})
	return found
}

// endsWithReturn reports whether a block's last statement is a return.
func endsWithReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// isErrorVar reports whether e is a variable of type error.
func isErrorVar(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && IsError(v.Type())
}

// IsError reports whether t is the predeclared error type.
func IsError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// IsNil reports whether e is the predeclared nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

func loopOf(info *types.Info, n ast.Node, roots []ast.Node) (Loop, bool) {
	switch n := n.(type) {
	case *ast.RangeStmt:
		l := Loop{Node: n, Body: n.Body, Over: types.ExprString(n.X), Kind: PerElement}
		switch {
		case isSignalChannel(info.TypeOf(n.X)):
			l.Kind = Poll // a ticker, a timer, a done channel
		case isChannel(info.TypeOf(n.X)):
			l.Kind = Worker // for job := range jobs
		case isConstantList(info, n.X):
			l.Kind = Fixed
		case isDurations(info.TypeOf(n.X)) && exitsEarly(n.Body):
			l.Kind = Retry // for _, d := range backoff { ...; return on success; sleep(d) }
		case chunkedRange(info, n):
			// for _, batch := range batches, or for ids := range
			// slices.Chunk(all, 200): one query per chunk is the
			// batching.
			l.Kind = Chunk
		default:
			if v, ok := constantValue(info, n.X, roots); ok && v <= MaxRetries && exitsEarly(n.Body) {
				l.Kind = Retry
			}
		}
		return l, true
	case *ast.ForStmt:
		l := Loop{Node: n, Body: n.Body, Kind: Poll}
		switch {
		case n.Cond == nil:
			// for {}: polling, paging until done, a worker's loop.
		case n.Init == nil && n.Post == nil:
			// for cond {}: per element only when the condition steps
			// through rows or a stream.
			if call, ok := ast.Unparen(n.Cond).(*ast.CallExpr); ok && isRowIterator(info, call) {
				l.Kind = PerElement
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					l.Over = types.ExprString(sel.X)
				}
			}
		default:
			bound := countedBound(n)
			l.Over = boundName(bound)
			l.Kind = PerElement
			switch {
			case isChunkStep(info, n.Post), pageCount(info, bound, roots):
				l.Kind = Chunk
			case exitsEarly(n.Body):
				if v, ok := constantValue(info, bound, roots); ok && v <= MaxRetries || !indexesWith(info, n) {
					// A small constant bound, or attempts that index
					// nothing (for i := 0; i < cfg.Retries; i++): a
					// retry, not a walk over elements.
					l.Kind = Retry
				}
			}
		}
		return l, true
	}
	return Loop{}, false
}

// isChannel reports whether t is a channel.
func isChannel(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// ElemOf returns the element type of a slice or array type t, or nil.
func ElemOf(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	}
	return nil
}

// isDurations reports whether t is a slice or array of time.Duration: a
// list of backoff delays.
func isDurations(t types.Type) bool {
	elem := ElemOf(t)
	if elem == nil {
		return false
	}
	named, ok := types.Unalias(elem).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "time" && named.Obj().Name() == "Duration"
}

// chunkedRange reports whether n ranges over a collection already cut
// into batches: a slice of slices, or an iterator yielding slices
// (slices.Chunk, a CollectChunks helper). A row whose cells the body
// picks (rec[0], a CSV record) is one element, not a chunk.
func chunkedRange(info *types.Info, n *ast.RangeStmt) bool {
	t := info.TypeOf(n.X)
	if t == nil {
		return false
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		// func(yield func(V) bool) or func(yield func(K, V) bool).
		if sig.Params().Len() != 1 {
			return false
		}
		yield, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
		if !ok || yield.Params().Len() == 0 {
			return false
		}
		last := yield.Params().Len() - 1
		v := n.Key
		if last == 1 {
			v = n.Value
		}
		return isChunks(types.NewSlice(yield.Params().At(last).Type())) && !indexed(info, n.Body, v)
	}
	return isChunks(t) && !indexed(info, n.Body, n.Value)
}

// isChunks reports whether t is a slice of slices (of ids, of rows):
// a collection already cut into batches.
func isChunks(t types.Type) bool {
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	switch s.Elem().Underlying().(type) {
	case *types.Slice, *types.Array:
		_, isBytes := s.Elem().Underlying().(*types.Slice)
		if isBytes {
			if b, ok := s.Elem().Underlying().(*types.Slice).Elem().(*types.Basic); ok && b.Kind() == types.Byte {
				return false // [][]byte is a list of values
			}
		}
		return true
	}
	return false
}

// isSignalChannel reports whether t is a channel of time.Time or
// struct{}: its elements are ticks and signals, not data.
func isSignalChannel(t types.Type) bool {
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return false
	}
	if st, ok := ch.Elem().Underlying().(*types.Struct); ok && st.NumFields() == 0 {
		return true
	}
	pkg, name := apis.NamedOf(ch.Elem())
	return pkg == "time" && name == "Time"
}

// isConstantList reports whether e is a composite literal whose elements
// are all constants: []string{"a", "b"}.
func isConstantList(info *types.Info, e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		if tv, ok := info.Types[elt]; !ok || tv.Value == nil {
			return false
		}
	}
	return true
}

// isChunkStep reports whether post advances the index by more than one:
// i += 500, i = i + batch.
func isChunkStep(info *types.Info, post ast.Stmt) bool {
	var roots []ast.Node
	as, ok := post.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	switch as.Tok {
	case token.ADD_ASSIGN:
		v, ok := constantValue(info, as.Rhs[0], roots)
		return !ok || v > 1
	case token.ASSIGN:
		if b, ok := ast.Unparen(as.Rhs[0]).(*ast.BinaryExpr); ok && b.Op == token.ADD {
			v, ok := constantValue(info, b.Y, roots)
			return !ok || v > 1
		}
	}
	return false
}

// pageCount reports whether bound counts pages, not elements: a quotient
// (total / pageSize, math.Ceil(float64(n) / 50)), itself or as the one
// value of a local variable. A query per page is pagination.
func pageCount(info *types.Info, bound ast.Expr, roots []ast.Node) bool {
	if bound == nil {
		return false
	}
	if id, ok := ast.Unparen(bound).(*ast.Ident); ok {
		val := onlyValue(info, id, roots)
		return val != nil && quotient(val)
	}
	return quotient(bound)
}

// quotient reports whether e divides, possibly under conversions and
// calls (int(math.Ceil(float64(n) / float64(size)))).
func quotient(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && b.Op == token.QUO {
			found = true
		}
		return !found
	})
	return found
}

func isRowIterator(info *types.Info, call *ast.CallExpr) bool {
	fn, recv := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	pkg, r, name := apis.FuncKey(fn)
	if recv != nil {
		if p, rr := apis.NamedOf(apis.Deref(recv)); rr != "" && apis.IsRowIterator(p, rr, name) {
			return true
		}
	}
	return apis.IsRowIterator(pkg, r, name)
}

// countedBound returns X of a condition i < X, i <= X, X > i or X >= i.
func countedBound(loop *ast.ForStmt) ast.Expr {
	b, ok := ast.Unparen(loop.Cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	index := loopIndex(loop.Post)
	var bound ast.Expr
	switch {
	case index != "" && isIdent(b.X, index):
		bound = b.Y
	case index != "" && isIdent(b.Y, index):
		bound = b.X
	case b.Op == token.LSS || b.Op == token.LEQ:
		return b.Y
	case b.Op == token.GTR || b.Op == token.GEQ:
		return b.X
	default:
		return nil
	}
	// Counting down to a constant (i >= 0): the loop walks from where
	// the index starts, len(ids) - 1.
	if lit, isLit := ast.Unparen(bound).(*ast.BasicLit); isLit && lit.Kind == token.INT && countsDown(loop.Post) {
		if as, ok := loop.Init.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && isIdent(as.Lhs[0], index) {
			return as.Rhs[0]
		}
	}
	return bound
}

// countsDown reports whether post decrements the index (i--, i -= k).
func countsDown(post ast.Stmt) bool {
	switch p := post.(type) {
	case *ast.IncDecStmt:
		return p.Tok == token.DEC
	case *ast.AssignStmt:
		return p.Tok == token.SUB_ASSIGN
	}
	return false
}

// loopIndex returns the name of the variable a loop's post statement
// steps (i++, i--, i += k), or "".
func loopIndex(post ast.Stmt) string {
	switch p := post.(type) {
	case *ast.IncDecStmt:
		if id, ok := ast.Unparen(p.X).(*ast.Ident); ok {
			return id.Name
		}
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 {
			if id, ok := ast.Unparen(p.Lhs[0]).(*ast.Ident); ok {
				return id.Name
			}
		}
	}
	return ""
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == name
}

// boundName names what a counted loop walks: ids for len(ids), else the
// bound itself.
func boundName(bound ast.Expr) string {
	if bound == nil {
		return "the loop"
	}
	name := ""
	ast.Inspect(bound, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 && name == "" {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" {
				name = types.ExprString(call.Args[0])
			}
		}
		return name == ""
	})
	if name != "" {
		return name
	}
	return types.ExprString(bound)
}

// constantValue returns the value of a constant integer expression, or
// of a local variable assigned once, in roots, from one (maxRetries := 3).
func constantValue(info *types.Info, e ast.Expr, roots []ast.Node) (int64, bool) {
	if e == nil {
		return 0, false
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		return constant.Int64Val(tv.Value)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	if val := onlyValue(info, id, roots); val != nil {
		if tv, ok := info.Types[val]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			return constant.Int64Val(tv.Value)
		}
	}
	return 0, false
}

// onlyValue returns the one value local variable id is assigned in the
// root of roots that declares it (pages := total / size), or nil.
func onlyValue(info *types.Info, id *ast.Ident, roots []ast.Node) ast.Expr {
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil {
		return nil
	}
	for _, root := range roots {
		if root == nil || root.Pos() > v.Pos() || v.Pos() > root.End() {
			continue
		}
		vals := AssignedValues(info, root, v)
		if len(vals) == 1 && vals[0].Index == 0 {
			return vals[0].Expr
		}
		return nil
	}
	return nil
}

// exitsEarly reports whether body can leave the loop before the bound:
// a break (not inside a nested loop, switch or select) or a return.
func exitsEarly(body *ast.BlockStmt) bool {
	found := false
	var visit func(n ast.Node, nested bool) bool
	visit = func(n ast.Node, nested bool) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			if n.Tok == token.BREAK && (!nested || n.Label != nil) {
				found = true
			}
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				return visit(m, true)
			})
			return false
		}
		return true
	}
	ast.Inspect(body, func(n ast.Node) bool { return visit(n, false) })
	return found
}

// Leaves reports whether block ends by leaving the enclosing loop or
// function: a return, an unlabeled break, a goto or a panic as its last
// statement. Statements in such a block run at most once per execution
// of the loop.
func Leaves(block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	switch last := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return last.Tok == token.BREAK && last.Label == nil || last.Tok == token.GOTO
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// indexesWith reports whether the body of counted loop n uses its index
// variable to index or slice something (ids[i], rows[i:j]): the loop walks
// a collection's elements. An index used only to count attempts, format
// or compute a backoff does not.
func indexesWith(info *types.Info, n *ast.ForStmt) bool {
	as, ok := n.Init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 {
		return true // not the usual shape: assume it walks elements
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return true
	}
	v := info.ObjectOf(id)
	if v == nil {
		return true
	}
	uses := func(e ast.Expr) bool { return Mentions(info, e, v) }
	found := false
	ast.Inspect(n.Body, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.IndexExpr:
			found = found || uses(m.Index)
		case *ast.SliceExpr:
			for _, e := range []ast.Expr{m.Low, m.High, m.Max} {
				found = found || e != nil && uses(e)
			}
		}
		return !found
	})
	return found
}

// indexed reports whether body indexes the range variable v (v[0]).
func indexed(info *types.Info, body *ast.BlockStmt, v ast.Expr) bool {
	id, ok := v.(*ast.Ident)
	if !ok {
		return false
	}
	obj := info.ObjectOf(id)
	if obj == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if ix, ok := n.(*ast.IndexExpr); ok {
			if x, ok := ast.Unparen(ix.X).(*ast.Ident); ok && info.Uses[x] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// BatchFull reports whether cond tests that a batch built in a loop is
// full: a counter the code increments, or the length of a collection it
// appends or adds to, compared with a constant of at least 2
// (len(keys) >= 100, num == 100), or a counter's remainder by one
// (i%100 == 0), alone or in a conjunction (i > 0 && i%100 == 0). scope
// is the enclosing function's body, where the counter is counted and the
// batch filled.
func BatchFull(info *types.Info, cond ast.Expr, scope ast.Node) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || scope == nil {
		return false
	}
	if b.Op == token.LAND {
		return BatchFull(info, b.X, scope) || BatchFull(info, b.Y, scope)
	}
	constInt := func(e ast.Expr) (int64, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return 0, false
		}
		return constant.Int64Val(tv.Value)
	}
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	// counted: v++ or v += n; filled: v = append(v, ...) or v[k] = x.
	changed := func(v *types.Var, counted bool) bool {
		found := false
		ast.Inspect(scope, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IncDecStmt:
				found = found || counted && n.Tok == token.INC && varOf(n.X) == v
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					switch {
					case counted:
						found = found || n.Tok == token.ADD_ASSIGN && varOf(lhs) == v
					case varOf(lhs) == v && i < len(n.Rhs):
						if call, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok {
							if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "append" {
								found = true
							}
						}
					default:
						if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && varOf(ix.X) == v {
							found = true
						}
					}
				}
			}
			return !found
		})
		return found
	}
	counter := func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v := varOf(x)
			if v == nil {
				return false
			}
			basic, ok := v.Type().Underlying().(*types.Basic)
			return ok && basic.Info()&types.IsInteger != 0 && changed(v, true)
		case *ast.CallExpr:
			if len(x.Args) != 1 || BuiltinName(info, x) != "len" {
				return false
			}
			v := varOf(x.Args[0])
			return v != nil && changed(v, false)
		}
		return false
	}
	switch b.Op {
	case token.EQL, token.GEQ, token.GTR:
		if n, ok := constInt(b.Y); ok && n >= 2 && counter(b.X) {
			return true
		}
		if r, ok := ast.Unparen(b.X).(*ast.BinaryExpr); ok && r.Op == token.REM && b.Op == token.EQL {
			n, ok := constInt(r.Y)
			z, zok := constInt(b.Y)
			if _, isInt := info.TypeOf(r.X).Underlying().(*types.Basic); !isInt {
				return false
			}
			return ok && n >= 2 && zok && z == 0
		}
	}
	return false
}

// BuiltinName returns the name of the builtin function call calls (make,
// append, len, new), or "".
func BuiltinName(info *types.Info, call *ast.CallExpr) string {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return ""
	}
	if _, ok := info.Uses[id].(*types.Builtin); !ok {
		return ""
	}
	return id.Name
}

// Repeating returns the loops of body that run until the process stops
// rather than over a collection: a for with no condition, or whose body
// waits in a select (for running { select { case <-ctx.Done(): ...; case
// <-time.After(d): } }), a range over a channel. What they call runs once
// per tick or message, not once per start. A for with no condition that
// breaks out of itself and waits for nothing (no select, no channel
// receive, no sleep) is a paging loop, which ends when the pages do.
func Repeating(info *types.Info, body ast.Node) []ast.Node {
	var loops []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			waits := slices.ContainsFunc(n.Body.List, func(st ast.Stmt) bool { _, ok := st.(*ast.SelectStmt); return ok })
			if waits || n.Cond == nil && !pages(info, n) {
				loops = append(loops, n)
			}
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					loops = append(loops, n)
				}
			}
		}
		return true
	})
	return loops
}

// pages reports whether loop, a for with no condition, breaks out of
// itself (an unlabeled break at its own level) and never waits: no
// select, channel receive or time.Sleep in it. Such a loop reads page
// after page until one comes back short, and ends.
func pages(info *types.Info, loop *ast.ForStmt) bool {
	waits := false
	ast.Inspect(loop.Body, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			waits = true
		case *ast.UnaryExpr:
			waits = waits || m.Op == token.ARROW
		case *ast.CallExpr:
			fn, _ := apis.Callee(info, m)
			waits = waits || fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Sleep"
		}
		return !waits
	})
	return !waits && breaksOut(loop.Body)
}

// Within reports whether n lies inside one of the nodes.
func Within(nodes []ast.Node, n ast.Node) bool {
	for _, m := range nodes {
		if m.Pos() <= n.Pos() && n.End() <= m.End() {
			return true
		}
	}
	return false
}
