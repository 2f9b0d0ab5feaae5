package source

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
)

// TestsFailure reports whether cond tests that something failed: an
// error compared with nil (err != nil) or with a sentinel error (err ==
// ErrDigestMismatch), or errors.Is / errors.As.
func TestsFailure(info *types.Info, cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.NEQ && IsNil(info, n.Y) && IsError(info.TypeOf(n.X)) {
				found = true
			}
			if n.Op == token.EQL && !IsNil(info, n.Y) && IsError(info.TypeOf(n.X)) && IsError(info.TypeOf(n.Y)) {
				found = true
			}
		case *ast.CallExpr:
			if fn, _ := apis.Callee(info, n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && (fn.Name() == "Is" || fn.Name() == "As") {
				found = true
			}
		}
		return !found
	})
	return found
}

// FailureBlocks returns the bodies of the if statements of body, outside
// function literals, that run only when something failed: their condition
// tests a failure (TestsFailure), or they build the error they end by
// returning (an error response from a peer: mainErr := fmt.Errorf(...);
// ...; return mainErr).
func FailureBlocks(info *types.Info, body ast.Node) []*ast.BlockStmt {
	var out []*ast.BlockStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if TestsFailure(info, n.Cond) || returnsBuiltError(info, n.Body) {
				out = append(out, n.Body)
			}
		}
		return true
	})
	return out
}

// FailureTails returns the spans of body, outside function literals, that
// run only after something failed: the statements of a block after an if
// that returns when a call succeeded (profile, err := local(id); if err
// == nil { return profile, nil }; ...the fallback...), to the end of that
// block. A loop's body is not one: there the test ends a retry, and what
// follows it (the backoff) runs on every failed attempt.
func FailureTails(info *types.Info, body ast.Node) [][2]token.Pos {
	var out [][2]token.Pos
	loops := make(map[*ast.BlockStmt]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			loops[n.Body] = true
		case *ast.RangeStmt:
			loops[n.Body] = true
		case *ast.BlockStmt:
			if loops[n] {
				return true
			}
			for i, st := range n.List {
				ifs, ok := st.(*ast.IfStmt)
				if !ok || ifs.Else != nil || !testsSuccess(info, ifs.Cond) || !Leaves(ifs.Body) || i == len(n.List)-1 {
					continue
				}
				out = append(out, [2]token.Pos{ifs.End(), n.End()})
				break
			}
		}
		return true
	})
	return out
}

// testsSuccess reports whether cond is err == nil for an error err.
func testsSuccess(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	return ok && b.Op == token.EQL && IsNil(info, b.Y) && IsError(info.TypeOf(b.X))
}

// returnsBuiltError reports whether block ends by returning an error it
// built: errors.New, fmt.Errorf or errors.Join called in the return, or a
// variable the block declares with one.
func returnsBuiltError(info *types.Info, block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	ret, ok := block.List[len(block.List)-1].(*ast.ReturnStmt)
	if !ok {
		return false
	}
	built := func(e ast.Expr) bool {
		switch apis.CalledPath(info, e) {
		case "errors.New", "fmt.Errorf", "errors.Join":
			return true
		}
		return false
	}
	for _, r := range ret.Results {
		if !IsError(info.TypeOf(r)) {
			continue
		}
		if built(r) {
			return true
		}
		id, ok := ast.Unparen(r).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.Pos() < block.Pos() || v.Pos() >= block.End() {
			continue // declared outside the block: the error may be nil
		}
		for _, st := range block.List {
			as, ok := st.(*ast.AssignStmt)
			if !ok || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && info.Defs[lid] == v {
					return built(as.Rhs[i])
				}
			}
		}
	}
	return false
}
