package source_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/stubs"
)

// Test sources are type-checked against the stubs' universe
// (stubs.Universe).
var loadUniverse = stubs.LoadUniverse

// checked is a type-checked package of test sources.
type checked struct {
	fset  *token.FileSet
	pkg   *types.Package
	info  *types.Info
	files []*ast.File
}

// file returns the file named name.
func (c *checked) file(name string) *ast.File {
	for _, f := range c.files {
		if filepath.Base(c.fset.File(f.FileStart).Name()) == name {
			return f
		}
	}
	panic("no file " + name)
}

// pos returns the position of the first occurrence of marker in file
// name (a comment such as /*@A*/ in the test source).
func (c *checked) pos(t *testing.T, name, src, marker string) token.Pos {
	t.Helper()
	off := strings.Index(src, marker)
	if off < 0 {
		t.Fatalf("no %s in %s", marker, name)
	}
	return c.fset.File(c.file(name).FileStart).Pos(off)
}

// check type-checks the files (name, source, name, source, ...) as
// package path, importing through the universe.
func check(t *testing.T, path string, nameSrc ...string) *checked {
	t.Helper()
	u := loadUniverse()
	c := &checked{
		fset: u.Fset,
		info: &types.Info{
			Types:      make(map[ast.Expr]types.TypeAndValue),
			Defs:       make(map[*ast.Ident]types.Object),
			Uses:       make(map[*ast.Ident]types.Object),
			Selections: make(map[*ast.SelectorExpr]*types.Selection),
			Scopes:     make(map[ast.Node]*types.Scope),
			Implicits:  make(map[ast.Node]types.Object),
		},
	}
	for i := 0; i+1 < len(nameSrc); i += 2 {
		f, err := parser.ParseFile(u.Fset, nameSrc[i], nameSrc[i+1], parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		c.files = append(c.files, f)
	}
	conf := types.Config{Importer: u}
	pkg, err := conf.Check(path, u.Fset, c.files, c.info)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c.pkg = pkg
	return c
}

// funcDecl returns the function or method declaration named name.
func (c *checked) funcDecl(t *testing.T, name string) *ast.FuncDecl {
	t.Helper()
	for _, f := range c.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
				return fd
			}
		}
	}
	t.Fatalf("no func %s", name)
	return nil
}
