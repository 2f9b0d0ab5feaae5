package source

import (
	"go/ast"
	"go/token"
	"go/types"
)

// AssignedValues returns the expressions assigned to v inside body:
// initialisers, := and = right-hand sides, in source order. For a
// multi-value assignment from one call (ctx, cancel := context.WithTimeout(...))
// the call is returned, with index the position of v among the results.
func AssignedValues(info *types.Info, body ast.Node, v types.Object) []Assigned {
	if body == nil || v == nil {
		return nil
	}
	var out []Assigned
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				out = append(out, rhsAt(n.Rhs, len(n.Lhs), i))
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v || len(n.Values) == 0 {
					continue
				}
				out = append(out, rhsAt(n.Values, len(n.Names), i))
			}
		}
		return true
	})
	return out
}

// Assigned is one value assigned to a variable.
type Assigned struct {
	Expr ast.Expr
	// Index is the result index when Expr is a call returning several values.
	Index int
}

func rhsAt(rhs []ast.Expr, nlhs, i int) Assigned {
	if len(rhs) == nlhs {
		return Assigned{Expr: rhs[i]}
	}
	if len(rhs) == 1 {
		return Assigned{Expr: rhs[0], Index: i}
	}
	return Assigned{}
}

// FieldAssigned reports whether body assigns to target.field for one of
// fields after pos, where target is compared as source text (types.ExprString):
// "c.Timeout = ...", "s.srv.ReadHeaderTimeout = ...".
func FieldAssigned(body ast.Node, target string, after token.Pos, fields ...string) bool {
	if body == nil || target == "" {
		return false
	}
	want := make(map[string]bool, len(fields))
	for _, f := range fields {
		want[target+"."+f] = true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if as, ok := n.(*ast.AssignStmt); ok && as.Pos() > after {
			for _, lhs := range as.Lhs {
				if want[types.ExprString(ast.Unparen(lhs))] {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// Assignments indexes the values assigned to every variable of a body in
// one walk, for callers that ask about many variables of the same body
// (AssignedValues walks the body on every call).
type Assignments struct {
	byVar map[types.Object][]Assigned
}

// IndexAssignments walks body once.
func IndexAssignments(info *types.Info, body ast.Node) *Assignments {
	a := &Assignments{byVar: make(map[types.Object][]Assigned)}
	if body == nil {
		return a
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				if v := info.ObjectOf(id); v != nil {
					a.byVar[v] = append(a.byVar[v], rhsAt(n.Rhs, len(n.Lhs), i))
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 0 {
				break
			}
			for i, id := range n.Names {
				if v := info.Defs[id]; v != nil {
					a.byVar[v] = append(a.byVar[v], rhsAt(n.Values, len(n.Names), i))
				}
			}
		}
		return true
	})
	return a
}

// Of returns the values assigned to v, in source order (as
// AssignedValues returns them).
func (a *Assignments) Of(v types.Object) []Assigned {
	if a == nil || v == nil {
		return nil
	}
	return a.byVar[v]
}

// KeyedField returns the value the keyed composite literal lit gives
// field name (Timeout in &http.Client{Timeout: d}), or nil.
func KeyedField(lit *ast.CompositeLit, name string) ast.Expr {
	if lit == nil {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// Literal returns the composite literal e is, or whose address it takes
// (T{...} or &T{...}), or nil.
func Literal(e ast.Expr) *ast.CompositeLit {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, _ := ast.Unparen(e).(*ast.CompositeLit)
	return lit
}
