package reach

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/source"
)

// fixedValue is the value of a variable nothing changes.
type fixedValue = constant.Value

// fixedVars returns the package-level booleans and numbers of pkgs that
// nothing assigns, increments or takes the address of, with their values.
// Unless whole, only unexported ones: another package may assign an
// exported one.
func fixedVars(pkgs []*Package, whole bool) map[*types.Var]fixedValue {
	written := make(map[*types.Var]bool)
	for _, p := range pkgs {
		target := func(e ast.Expr) {
			if v, ok := source.Used(p.Info, e).(*types.Var); ok {
				written[v] = true
			}
		}
		for _, f := range nonTest(p) {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					for _, l := range n.Lhs {
						target(l)
					}
				case *ast.IncDecStmt:
					target(n.X)
				case *ast.RangeStmt:
					if n.Tok == token.ASSIGN {
						target(n.Key)
						if n.Value != nil {
							target(n.Value)
						}
					}
				case *ast.UnaryExpr:
					if n.Op == token.AND {
						target(n.X)
					}
				}
				return true
			})
		}
	}
	fixed := make(map[*types.Var]fixedValue)
	for _, p := range pkgs {
		for vs := range source.VarSpecs(nonTest(p)) {
			for i, id := range vs.Names {
				v, ok := p.Info.Defs[id].(*types.Var)
				if !ok || written[v] || !whole && id.IsExported() || !fixable(v.Type()) {
					continue
				}
				switch {
				case len(vs.Values) == 0:
					fixed[v] = zero(v.Type())
				case len(vs.Values) == len(vs.Names):
					if tv, ok := p.Info.Types[vs.Values[i]]; ok && tv.Value != nil {
						fixed[v] = tv.Value
					}
				}
			}
		}
	}
	return fixed
}

// fixable reports whether a variable of type t can be fixed: an unnamed
// boolean or number. A string may be set by -ldflags -X; a named type may
// have methods that change it.
func fixable(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsInteger|types.IsFloat) != 0
}

func zero(t types.Type) constant.Value {
	if t.(*types.Basic).Info()&types.IsBoolean != 0 {
		return constant.MakeBool(false)
	}
	return constant.MakeInt64(0)
}

// truth returns the value of the condition e when constants and fixed
// variables decide it.
func (w *walker) truth(e ast.Expr) (value, ok bool) {
	v := w.value(e)
	if v == nil || v.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(v), true
}

// value returns the value of e when constants and fixed variables decide
// it, or nil.
func (w *walker) value(e ast.Expr) constant.Value {
	if tv, ok := w.pkg.Info.Types[e]; ok && tv.Value != nil {
		return tv.Value
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return w.value(e.X)
	case *ast.Ident, *ast.SelectorExpr:
		return w.fixedOf(e)
	case *ast.UnaryExpr:
		x := w.value(e.X)
		switch {
		case x == nil:
			return nil
		case e.Op == token.NOT && x.Kind() == constant.Bool,
			(e.Op == token.SUB || e.Op == token.ADD) && numeric(x):
			return constant.UnaryOp(e.Op, x, 0)
		}
	case *ast.BinaryExpr:
		return w.binary(e)
	}
	return nil
}

func (w *walker) fixedOf(e ast.Expr) constant.Value {
	if v, ok := source.Used(w.pkg.Info, e).(*types.Var); ok {
		if c, ok := w.fixed[v]; ok {
			return c
		}
	}
	return nil
}

func (w *walker) binary(e *ast.BinaryExpr) constant.Value {
	x, y := w.value(e.X), w.value(e.Y)
	switch e.Op {
	case token.LAND, token.LOR:
		// One side may decide: false && ..., true || ...
		decides := e.Op == token.LOR
		for _, v := range []constant.Value{x, y} {
			if v != nil && v.Kind() == constant.Bool && constant.BoolVal(v) == decides {
				return constant.MakeBool(decides)
			}
		}
		if x != nil && y != nil && x.Kind() == constant.Bool && y.Kind() == constant.Bool {
			return constant.MakeBool(!decides)
		}
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		if x == nil || y == nil {
			return nil
		}
		if numeric(x) && numeric(y) ||
			x.Kind() == constant.Bool && y.Kind() == constant.Bool && (e.Op == token.EQL || e.Op == token.NEQ) {
			return constant.MakeBool(constant.Compare(x, e.Op, y))
		}
	}
	return nil
}

func numeric(v constant.Value) bool {
	return v.Kind() == constant.Int || v.Kind() == constant.Float
}
