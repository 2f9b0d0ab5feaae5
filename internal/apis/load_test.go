package apis_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/apilint/apilint/internal/stubs"
)

// errNoStub says a third-party package has no stub under internal/stubs.
var errNoStub = errors.New("no stub under internal/stubs/testdata/src")

// universe imports the packages the tables name: third-party ones from
// the stubs (GOPATH layout, type-checked from source), the standard
// library from export data. It never touches the network or the module
// cache: a third-party path without a stub is errNoStub. (internal/source's
// tests hold the same loader; sharing it would take a non-test file in
// internal/stubs.)
type universe struct {
	fset *token.FileSet
	std  types.Importer
	dir  string

	mu   sync.Mutex
	pkgs map[string]*types.Package
	errs map[string]error
}

func newUniverse() *universe {
	fset := token.NewFileSet()
	return &universe{
		fset: fset,
		std:  importer.ForCompiler(fset, "gc", nil),
		dir:  stubs.Dir(),
		pkgs: make(map[string]*types.Package),
		errs: make(map[string]error),
	}
}

// The tables are checked by several tests; loading net/http and the stubs
// once keeps them fast.
var loadUniverse = sync.OnceValue(newUniverse)

// isStd reports whether path is a standard library path (no dot in its
// first element).
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// Import implements types.Importer.
func (u *universe) Import(path string) (*types.Package, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.load(path)
}

func (u *universe) load(path string) (*types.Package, error) {
	if p, ok := u.pkgs[path]; ok {
		return p, nil
	}
	if err, ok := u.errs[path]; ok {
		return nil, err
	}
	p, err := u.loadUncached(path)
	if err != nil {
		u.errs[path] = err
		return nil, err
	}
	u.pkgs[path] = p
	return p, nil
}

func (u *universe) loadUncached(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dir := filepath.Join(u.dir, filepath.FromSlash(path))
	entries, err := os.ReadDir(dir)
	if err != nil {
		if isStd(path) {
			return u.std.Import(path)
		}
		return nil, fmt.Errorf("%s: %w", path, errNoStub)
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(u.fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w (directory without Go files)", path, errNoStub)
	}
	var errs []error
	conf := types.Config{
		Importer: importerFunc(u.load), // u.mu is held
		Error:    func(err error) { errs = append(errs, err) },
	}
	pkg, _ := conf.Check(path, u.fset, files, nil)
	if len(errs) > 0 {
		return nil, fmt.Errorf("stub %s does not type-check: %w", path, errors.Join(errs...))
	}
	return pkg, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// check type-checks one file of source as package path, importing through
// the universe, and returns the package and its types.Info.
func (u *universe) check(t *testing.T, path, src string) (*types.Package, *types.Info, *ast.File) {
	t.Helper()
	f, err := parser.ParseFile(u.fset, path+".go", src, parser.SkipObjectResolution)
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
	pkg, err := conf.Check(path, u.fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatalf("%s: %v\n%s", path, err, src)
	}
	return pkg, info, f
}
