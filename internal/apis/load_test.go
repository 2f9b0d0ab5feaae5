package apis_test

import (
	"go/ast"
	"go/parser"
	"go/types"
	"testing"

	"github.com/apilint/apilint/internal/stubs"
)

// The tables are checked against the stubs' universe (stubs.Universe).
type universe = stubs.Universe

var (
	loadUniverse = stubs.LoadUniverse
	errNoStub    = stubs.ErrNoStub
)

// check type-checks one file of source as package path, importing through
// the stubs' universe, and returns the package and its types.Info.
func check(t *testing.T, path, src string) (*types.Package, *types.Info, *ast.File) {
	t.Helper()
	u := loadUniverse()
	f, err := parser.ParseFile(u.Fset, path+".go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
	}
	conf := types.Config{Importer: u}
	pkg, err := conf.Check(path, u.Fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatalf("%s: %v\n%s", path, err, src)
	}
	return pkg, info, f
}
