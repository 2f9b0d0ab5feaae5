package findings

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/source"
)

// inTestHelper reports whether pos is inside a function declaration that
// takes a *testing.T, *testing.B, *testing.F or testing.TB: a test helper
// kept outside a _test.go file (an integration-test package's setup) is
// test code, which no rule checks.
func inTestHelper(pass *analysis.Pass, pos token.Pos) bool {
	f := source.FileOf(pass, pos)
	if f == nil {
		return false
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || pos < fd.Pos() || fd.End() <= pos {
			continue
		}
		for _, field := range fd.Type.Params.List {
			if isTesting(pass.TypesInfo.TypeOf(field.Type)) {
				return true
			}
		}
		return false
	}
	return false
}

// isTesting reports whether t is a type of package testing or a pointer
// to one.
func isTesting(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing"
}
