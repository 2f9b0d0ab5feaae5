package unbounded

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/source"
)

// pageSize reports a page size read from the request that reaches a
// query's row limit without an upper cap.
func (c *checker) pageSize(h *effects.Handler) {
	body := source.Body(h.Node)
	if body == nil {
		return
	}
	info := c.pass.TypesInfo
	tainted := make(map[types.Object]string) // variable → the query parameter it holds
	capped := make(map[types.Object]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				obj := info.ObjectOf(id)
				var rhs ast.Expr
				switch {
				case len(n.Rhs) == len(n.Lhs):
					rhs = n.Rhs[i]
				case len(n.Rhs) == 1 && i == 0:
					rhs = n.Rhs[0]
				default:
					continue
				}
				if name, ok := c.sizeSource(rhs, tainted); ok {
					if _, already := tainted[obj]; !already {
						tainted[obj] = name
					}
				} else if _, ok := tainted[obj]; ok && c.usesTainted(rhs, tainted) {
					// limit = min(limit, 100), limit = clamp(limit, 1, 100)
					capped[obj] = true
				}
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.GTR, token.GEQ, token.LSS, token.LEQ:
				for _, side := range []ast.Expr{n.X, n.Y} {
					if id, ok := ast.Unparen(side).(*ast.Ident); ok {
						if obj := info.ObjectOf(id); obj != nil {
							if _, ok := tainted[obj]; ok {
								capped[obj] = true // compared against a bound
							}
						}
					}
				}
			}
		}
		return true
	})
	if len(tainted) == 0 {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		site := c.res.At(call)
		if site == nil {
			return true
		}
		for _, j := range site.LimitArgs {
			if j >= len(call.Args) {
				continue
			}
			id, ok := ast.Unparen(stripConversions(info, call.Args[j])).(*ast.Ident)
			if !ok {
				continue
			}
			obj := info.ObjectOf(id)
			param, isTainted := tainted[obj]
			if !isTainted || capped[obj] {
				continue
			}
			c.reportPageSize(h, call, id, param, body)
		}
		return true
	})
}

// sizeSource reports whether e yields a page size read from the request:
// the query parameter itself, a conversion of it (strconv.Atoi, int(...)),
// or a variable already holding one.
func (c *checker) sizeSource(e ast.Expr, tainted map[types.Object]string) (string, bool) {
	info := c.pass.TypesInfo
	e = stripConversions(info, e)
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := info.ObjectOf(e); obj != nil {
			name, ok := tainted[obj]
			return name, ok
		}
	case *ast.CallExpr:
		fn, recv := apis.Callee(info, e)
		if fn == nil {
			return "", false
		}
		pkg, r, name := apis.CallKey(fn, recv)
		for _, rd := range apis.LookupRequestReads(pkg, r, name) {
			if rd.What == apis.QueryParam && rd.Arg < len(e.Args) {
				if tv, ok := info.Types[e.Args[rd.Arg]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					if key := constant.StringVal(tv.Value); c.res.Table().IsPageSize(key) {
						return key, true
					}
				}
			}
		}
		// strconv.Atoi(s), strconv.ParseInt(s, 10, 64), ...
		if pkg == "strconv" && len(e.Args) > 0 {
			return c.sizeSource(e.Args[0], tainted)
		}
	}
	return "", false
}

// usesTainted reports whether e mentions a tainted variable.
func (c *checker) usesTainted(e ast.Expr, tainted map[types.Object]string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if _, ok := tainted[c.pass.TypesInfo.ObjectOf(id)]; ok {
				found = true
			}
		}
		return !found
	})
	return found
}

// stripConversions removes type conversions: uint64(limit) → limit.
func stripConversions(info *types.Info, e ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

func (c *checker) reportPageSize(h *effects.Handler, call *ast.CallExpr, id *ast.Ident, param string, body *ast.BlockStmt) {
	via := ""
	if site := c.res.At(call); site != nil {
		for _, t := range site.Targets {
			if t.Name != "" {
				via = " through " + t.Name
				break
			}
		}
	}
	name := id.Name
	f := findings.Finding{
		Pos: id.Pos(),
		End: id.End(),
		Message: "page size not capped: " + name + " comes from the request (?" + param + "=) and becomes the query's row limit" + via +
			" in " + h.Name + " with no upper bound: a client asking for " + param + "=1000000 reads the whole table again; " +
			"cap it before use: " + name + " = min(" + name + ", 100)",
	}
	if stmt := enclosingStmt(body, call); stmt != nil {
		text := name + " = min(" + name + ", 100)\n" + indentOf(c.pass, stmt)
		f.Fixes = []analysis.SuggestedFix{{
			Message:   "Cap " + name + " at 100",
			TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)}},
		}}
	}
	c.rep.Report(f)
}

// enclosingStmt returns the innermost statement of a block in body that
// contains n.
func enclosingStmt(body *ast.BlockStmt, n ast.Node) ast.Stmt {
	var found ast.Stmt
	ast.Inspect(body, func(x ast.Node) bool {
		if x == nil || x.Pos() > n.Pos() || x.End() < n.End() {
			return false
		}
		if b, ok := x.(*ast.BlockStmt); ok {
			for _, s := range b.List {
				if s.Pos() <= n.Pos() && n.End() <= s.End() {
					if _, isBlock := s.(*ast.BlockStmt); !isBlock {
						found = s
					}
				}
			}
		}
		return true
	})
	return found
}
