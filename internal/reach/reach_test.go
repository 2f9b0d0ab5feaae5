package reach_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/reach"
)

const src = `package store

import _ "unsafe"

var enabled = false
var period = -1
var Period = -1
var moved = 1
var Name = "x"
var handlers = map[string]func(){"list": fromTable}

type Runner interface{ run() }

type T struct{}

func (T) Exported()   { fromMethod() }
func (T) unexported() { fromDeadMethod() }
func (T) run()        { fromInterface() }

func Exported() {
	live()
	if enabled {
		behindFalse()
	}
	if !enabled {
		behindTrue()
	}
	if period < 30 {
		return
	}
	afterReturn()
}

func Guarded() {
	if Period >= 30 {
		behindExported()
	}
	if moved > 0 {
		behindMoved()
	}
	if Name == "" {
		behindString()
	}
	for range 3 {
		if !enabled || period > 0 {
			continue
		}
		afterContinue()
	}
}

func move() { moved = 2 }

func dead()           { onlyFromDead() }
func onlyFromDead()   {}
func live()           {}
func fromTable()      {}
func fromMethod()     {}
func fromDeadMethod() {}
func fromInterface()  {}
func behindFalse()    {}
func behindTrue()     {}
func afterReturn()    {}
func behindExported() {}
func behindMoved()    {}
func behindString()   {}
func afterContinue()  {}
func onlyFromTest()   {}

//go:linkname linked runtime.nanotime
func linked() int64 { return 0 }
`

const testSrc = `package store

func TestDead() { onlyFromTest() }
`

func load(t *testing.T, library bool) (*reach.Package, func(string) token.Pos) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "store.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	tf, err := parser.ParseFile(fset, "store_test.go", testSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: fakeImporter{}}
	pkg, err := conf.Check("store", fset, []*ast.File{f, tf}, info)
	if err != nil {
		t.Fatal(err)
	}
	// at returns the position of a function's declaration.
	at := func(name string) token.Pos {
		i := strings.Index(src, "func "+name+"()")
		if i < 0 {
			i = strings.Index(src, ") "+name+"()")
		}
		if i < 0 {
			if j := strings.Index(testSrc, "func "+name+"()"); j >= 0 {
				return fset.File(tf.Pos()).Pos(j)
			}
			t.Fatalf("no func %s", name)
		}
		return fset.File(f.Pos()).Pos(i)
	}
	return &reach.Package{Fset: fset, Types: pkg, Info: info, Files: []*ast.File{f, tf}, Library: library}, at
}

type fakeImporter struct{}

func (fakeImporter) Import(path string) (*types.Package, error) {
	p := types.NewPackage(path, path)
	p.MarkComplete()
	return p, nil
}

// callOf returns the position of the call of name inside a function body.
func callOf(t *testing.T, p *reach.Package, name string) token.Pos {
	t.Helper()
	var pos token.Pos
	ast.Inspect(p.Files[0], func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == name {
				pos = c.Pos()
			}
		}
		return true
	})
	if !pos.IsValid() {
		t.Fatalf("no call of %s", name)
	}
	return pos
}

func TestOnePackage(t *testing.T) {
	p, at := load(t, true)
	dead := reach.Find([]*reach.Package{p}, nil)
	// Alone, a package cannot tell which of its functions others call.
	for _, name := range []string{"dead", "onlyFromDead", "onlyFromTest", "unexported", "move", "behindFalse"} {
		if dead.Contains(p.Fset, at(name)) {
			t.Errorf("func %s: dead, want live", name)
		}
	}
	for name, want := range map[string]bool{
		// Ruled out by a fixed condition.
		"behindFalse": true, "afterReturn": true, "afterContinue": true,
		"behindTrue": false, "live": false,
		// One package cannot fix what another may assign.
		"behindExported": false, "behindMoved": false, "behindString": false,
	} {
		if got := dead.Contains(p.Fset, callOf(t, p, name)); got != want {
			t.Errorf("call of %s: dead = %v, want %v", name, got, want)
		}
	}
}

func TestWholeProgram(t *testing.T) {
	p, at := load(t, true)
	dead := reach.Find([]*reach.Package{p}, &reach.Program{})
	for name, want := range map[string]bool{
		"dead": true, "onlyFromDead": true, "onlyFromTest": true, "fromDeadMethod": true, "unexported": true,
		"live": false, "fromTable": false, "fromInterface": false, "run": false,
		"Exported": false, "Guarded": false, "linked": false, "move": true,
		// Reached only from code a fixed condition rules out.
		"behindFalse": true, "afterReturn": true, "afterContinue": true, "behindTrue": false,
		// An exported variable nothing in the program assigns is fixed.
		"behindExported": true, "behindMoved": false, "behindString": false,
		// An exported method no interface declares is called only as
		// unexported ones are.
		"fromMethod": true,
	} {
		if got := dead.Contains(p.Fset, at(name)); got != want {
			t.Errorf("func %s: dead = %v, want %v", name, got, want)
		}
	}
	dead = reach.Find([]*reach.Package{p}, &reach.Program{Interfaces: map[string][]*types.Interface{"Exported": {nil}}})
	if dead.Contains(p.Fset, at("fromMethod")) {
		t.Errorf("func fromMethod: dead, want live: an interface declares Exported")
	}
	// In a package a main package imports, an exported function nothing
	// calls is dead (above, a library's are called from outside).
	p.Library = false
	dead = reach.Find([]*reach.Package{p}, &reach.Program{})
	for _, name := range []string{"Exported", "Guarded", "live"} {
		if !dead.Contains(p.Fset, at(name)) {
			t.Errorf("func %s in a served package nothing calls: live, want dead", name)
		}
	}
}
