package effects

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// export publishes the summaries of exported functions and methods
// (interface methods included) as facts: other packages can call only
// those, and every dependent decodes every fact.
func (s *state) export() {
	if s.handlers != nil {
		for _, h := range s.handlers.byNode {
			if nd := s.nodes[h.Node]; nd != nil && nd.fn != nil {
				nd.sum.Handler = true
			}
		}
		s.handlers.exportAdapters()
	}
	for fn, nd := range s.funcs {
		if !nd.sum.Empty() && fn.Pkg() == s.pass.Pkg && fn.Exported() {
			// The node's summary is final: the fact shares it.
			s.pass.ExportObjectFact(fn, &nd.sum)
		}
	}
	for _, obj := range s.fixed {
		if obj.Exported() {
			s.pass.ExportObjectFact(obj, &FixedList{})
		}
	}
	for fn := range s.bodyCaps() {
		if fn.Exported() {
			s.pass.ExportObjectFact(fn, &BodyCap{})
		}
	}
}

// FixedList marks a list or table written in the code, whose length no
// data changes: a package-level variable initialised with a non-empty
// composite literal (var Kinds = []string{"a", "b"}), or a function every
// return of which gives one (func (i Info) Apis() []Api { return
// []Api{...} }) or such a variable. A loop over it, in this package or
// another, runs a fixed number of times.
type FixedList struct{}

// AFact marks FixedList as an analysis fact.
func (*FixedList) AFact() {}

func (*FixedList) String() string { return "fixed list" }

// FixedLists returns the package-level variables of pass initialised with
// a non-empty composite literal, then the functions of pass whose every
// return gives one or such a variable as its only result.
func FixedLists(pass *analysis.Pass) []types.Object {
	var out []types.Object
	for vs := range source.VarSpecs(pass.Files) {
		for i, name := range vs.Names {
			if i >= len(vs.Values) {
				break
			}
			if !filledLiteral(vs.Values[i]) {
				continue
			}
			if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
				out = append(out, v)
			}
		}
	}
	vars := len(out)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Type.Results == nil || fd.Type.Results.NumFields() != 1 {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if ok && isList(fn.Signature().Results().At(0).Type()) && fixedReturns(pass, fd.Body, out[:vars]) {
				out = append(out, fn)
			}
		}
	}
	return out
}

// fixedVar reports whether e names one of the fixed variables.
func fixedVar(pass *analysis.Pass, e ast.Expr, fixed []types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && slices.Contains(fixed, pass.TypesInfo.Uses[id])
}

// fixedCopy reports whether e copies a fixed variable:
// append([]T(nil), tables...), append([]T{}, tables...) or
// slices.Clone(tables).
func fixedCopy(pass *analysis.Pass, e ast.Expr, fixed []types.Object) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if source.BuiltinName(pass.TypesInfo, call) == "append" && len(call.Args) == 2 && call.Ellipsis.IsValid() {
		return empty(pass, call.Args[0]) && fixedVar(pass, call.Args[1], fixed)
	}
	fn, _ := apis.Callee(pass.TypesInfo, call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "slices" && fn.Name() == "Clone" && len(call.Args) == 1 &&
		fixedVar(pass, call.Args[0], fixed)
}

// empty reports whether e is nil, an empty literal or a conversion of nil
// ([]string(nil)).
func empty(pass *analysis.Pass, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0])
		}
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return len(lit.Elts) == 0
	}
	return source.IsNil(pass.TypesInfo, e)
}

// isList reports whether t is a slice, an array or a map.
func isList(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return true
	}
	return false
}

// filledLiteral reports whether e is a non-empty composite literal.
func filledLiteral(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok && len(lit.Elts) > 0
}

// fixedReturns reports whether body has a return and every return of it
// (not of the function literals inside) gives a non-empty composite
// literal, one of the fixed variables, or a copy of one.
func fixedReturns(pass *analysis.Pass, body *ast.BlockStmt, fixed []types.Object) bool {
	n, ok := 0, true
	ast.Inspect(body, func(node ast.Node) bool {
		switch x := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
			if len(x.Results) != 1 {
				ok = false
				break
			}
			if filledLiteral(x.Results[0]) || fixedVar(pass, x.Results[0], fixed) || fixedCopy(pass, x.Results[0], fixed) {
				break
			}
			ok = false
		}
		return ok
	})
	return ok && n > 0
}

// Summarised is the package fact of every package the analyzer
// summarised. Under go vet, a package none of whose imports was
// summarised, and that imports no effectful package, has no effects to
// summarise either: the vet tool passes on its types and nothing else
// (cmd/apilint's vetx.go), as the apilint command loads it from export
// data.
//
// Databases names the databases whose drivers the package imports,
// directly or through summarised packages: under go vet a package sees
// only its direct imports, so the driver a program's storage package
// imports reaches the packages above it this way.
type Summarised struct {
	Databases []apis.Database
}

// AFact marks Summarised as an analysis fact.
func (*Summarised) AFact() {}

func (s *Summarised) String() string { return fmt.Sprintf("summarised %v", s.Databases) }

// databases returns the databases of the package's drivers: its own
// imports' and those its summarised imports recorded.
func databases(pass *analysis.Pass) []apis.Database {
	var out []apis.Database
	add := func(d apis.Database) {
		if d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	add(apis.DriverOf(pass.Pkg.Path()))
	for _, imp := range pass.Pkg.Imports() {
		add(apis.DriverOf(imp.Path()))
		var f Summarised
		if pass.ImportPackageFact(imp, &f) {
			for _, d := range f.Databases {
				add(d)
			}
		}
	}
	slices.Sort(out)
	return out
}
