package stubs

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

	"github.com/apilint/apilint/internal/apis"
)

// ErrNoStub says a third-party package has no stub under internal/stubs.
var ErrNoStub = errors.New("no stub under internal/stubs/testdata/src")

// Universe imports packages for tests that type-check source of their
// own: third-party ones from the stubs (GOPATH layout, type-checked from
// source), the standard library from export data. It never touches the
// network or the module cache: a third-party path without a stub is
// ErrNoStub. internal/apis checks its tables against it; internal/source
// type-checks its test sources with it.
type Universe struct {
	// Fset holds the positions of every package and file it loaded;
	// check test sources with it.
	Fset *token.FileSet
	std  types.Importer
	dir  string

	mu   sync.Mutex
	pkgs map[string]*types.Package
	errs map[string]error
}

func newUniverse() *Universe {
	fset := token.NewFileSet()
	return &Universe{
		Fset: fset,
		std:  importer.ForCompiler(fset, "gc", nil),
		dir:  Dir(),
		pkgs: make(map[string]*types.Package),
		errs: make(map[string]error),
	}
}

// LoadUniverse returns the process's Universe: loading net/http and the
// stubs once keeps the tests that share it fast.
var LoadUniverse = sync.OnceValue(newUniverse)

// Import implements types.Importer.
func (u *Universe) Import(path string) (*types.Package, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.load(path)
}

func (u *Universe) load(path string) (*types.Package, error) {
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

func (u *Universe) loadUncached(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dir := filepath.Join(u.dir, filepath.FromSlash(path))
	entries, err := os.ReadDir(dir)
	if err != nil {
		if apis.StandardPath(path) {
			return u.std.Import(path)
		}
		return nil, fmt.Errorf("%s: %w", path, ErrNoStub)
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(u.Fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w (directory without Go files)", path, ErrNoStub)
	}
	var errs []error
	conf := types.Config{
		Importer: importerFunc(u.load), // u.mu is held
		Error:    func(err error) { errs = append(errs, err) },
	}
	pkg, _ := conf.Check(path, u.Fset, files, nil)
	if len(errs) > 0 {
		return nil, fmt.Errorf("stub %s does not type-check: %w", path, errors.Join(errs...))
	}
	return pkg, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
