package source_test

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"sort"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/source"
)

const funcsSrc = `package funcs

import (
	"fmt"
	"net/http"
)

type Server struct{}

type Set[T comparable] struct{}

type Map[K comparable, V any] struct{}

func list(w http.ResponseWriter, r *http.Request) {}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {}

func (s Server) value() {}

func (Server) anonymous(a, b int, rest ...string) {}

func (s *Set[T]) Add(v T) {}

func (m *Map[K, V]) Get(k K) V { var v V; return v }

func (s (*Server)) paren() {}

func noBody(int) string

var lit = func(x int) {}

func outer() {
	f := func(a string) {
		g := func() {}
		g()
	}
	f("")
	go func() {}()
	func() {}()
	defer func() {}()
	fmt.Println(list, http.StatusOK)
}
`

func TestFuncNameAndParams(t *testing.T) {
	c := check(t, "example.com/funcs", "funcs.go", funcsSrc)
	decls := make(map[string]*ast.FuncDecl)
	for _, d := range c.file("funcs.go").Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			decls[source.FuncName(fd)] = fd
		}
	}
	names := slices.Sorted(maps.Keys(decls))
	want := []string{"Map.Get", "Server.anonymous", "Server.list", "Server.paren", "Server.value", "Set.Add", "list", "noBody", "outer"}
	if !slices.Equal(names, want) {
		t.Errorf("FuncName of the declarations = %v, want %v", names, want)
	}

	paramNames := func(fn ast.Node) []string {
		var out []string
		for _, p := range source.Params(c.info, fn) {
			out = append(out, p.Name()+" "+types.TypeString(p.Type(), (*types.Package).Name))
		}
		return out
	}
	for _, tc := range []struct {
		fn   string
		want []string
	}{
		{"list", []string{"w http.ResponseWriter", "r *http.Request"}},
		{"Server.list", []string{"w http.ResponseWriter", "r *http.Request"}},
		{"Server.value", nil},
		{"Server.anonymous", []string{"a int", "b int", "rest []string"}},
		{"Set.Add", []string{"v T"}},
		{"noBody", []string{" int"}},
	} {
		if got := paramNames(decls[tc.fn]); !slices.Equal(got, tc.want) {
			t.Errorf("Params(%s) = %q, want %q", tc.fn, got, tc.want)
		}
	}
	if source.Body(decls["noBody"]) != nil || source.Body(decls["list"]) == nil {
		t.Error("Body")
	}
	if source.Params(c.info, c.file("funcs.go")) != nil || source.Signature(c.info, c.file("funcs.go")) != nil {
		t.Error("Params or Signature of a file is not nil")
	}

	// Literals.
	var lits []*ast.FuncLit
	ast.Inspect(c.file("funcs.go"), func(n ast.Node) bool {
		if l, ok := n.(*ast.FuncLit); ok {
			lits = append(lits, l)
		}
		return true
	})
	if got := paramNames(lits[0]); !slices.Equal(got, []string{"x int"}) {
		t.Errorf("Params(func(x int)) = %q", got)
	}
	for _, l := range lits {
		if got := source.FuncName(l); got != "func literal" {
			t.Errorf("FuncName(literal) = %q", got)
		}
		if source.Body(l) != l.Body || source.Signature(c.info, l) == nil {
			t.Error("Body or Signature of a literal")
		}
	}
	if got := source.FuncName(c.file("funcs.go")); got != "func literal" {
		t.Errorf("FuncName(file) = %q", got)
	}
}

func TestEnclosingFuncs(t *testing.T) {
	c := check(t, "example.com/funcs", "funcs.go", funcsSrc)
	in := inspector.New(c.files)
	outer := c.funcDecl(t, "outer")
	var g, goLit, calledLit, deferLit, pkgLit inspector.Cursor
	for cur := range in.Root().Preorder((*ast.FuncLit)(nil)) {
		lit := cur.Node().(*ast.FuncLit)
		switch {
		case lit.Pos() < outer.Pos():
			pkgLit = cur
		case lit.Type.Params.NumFields() == 0 && lit.Pos() < c.pos(t, "funcs.go", funcsSrc, "g()"):
			g = cur
		case lit.Pos() > c.pos(t, "funcs.go", funcsSrc, "go func") && lit.Pos() < c.pos(t, "funcs.go", funcsSrc, "\tfunc() {}()"):
			goLit = cur
		case lit.Pos() > c.pos(t, "funcs.go", funcsSrc, "defer"):
			deferLit = cur
		case lit.Type.Params.NumFields() == 0:
			calledLit = cur
		}
	}
	enclosing, ok := source.EnclosingFunc(g)
	if !ok || enclosing != g {
		t.Error("EnclosingFunc of a literal is not the literal itself")
	}
	if top, ok := source.OutermostFunc(g); !ok || top.Node() != outer {
		t.Errorf("OutermostFunc = %v, want outer", top.Node())
	}
	if top, ok := source.OutermostFunc(pkgLit); !ok || top != pkgLit {
		t.Error("OutermostFunc of a package-level literal is not the literal")
	}
	if fileCur, ok := in.Root().FindNode(c.file("funcs.go")); !ok {
		t.Error("no cursor for the file")
	} else if _, ok := source.EnclosingFunc(fileCur); ok {
		t.Error("EnclosingFunc of a file")
	}
	if !source.IsGoLiteral(goLit) {
		t.Error("IsGoLiteral(go func() {}()) = false")
	}
	for name, cur := range map[string]inspector.Cursor{"called": calledLit, "deferred": deferLit, "stored": g} {
		if source.IsGoLiteral(cur) {
			t.Errorf("IsGoLiteral(%s literal) = true", name)
		}
	}
	if outerCur, ok := in.Root().FindNode(outer); !ok || source.IsGoLiteral(outerCur) {
		t.Error("IsGoLiteral of a declaration")
	}
}

func TestUsed(t *testing.T) {
	c := check(t, "example.com/funcs", "funcs.go", funcsSrc)
	call := c.funcDecl(t, "outer").Body.List[len(c.funcDecl(t, "outer").Body.List)-1].(*ast.ExprStmt).X.(*ast.CallExpr)
	for _, tc := range []struct {
		e    ast.Expr
		want string
	}{
		{call.Fun, "Println"},                     // pkg.F
		{call.Args[0], "list"},                    // f
		{call.Args[1], "StatusOK"},                // pkg.C
		{&ast.ParenExpr{X: call.Args[0]}, "list"}, // (f)
		{call, ""}, // a call
		{&ast.BasicLit{Value: "1"}, ""},
	} {
		got := source.Used(c.info, tc.e)
		name := ""
		if got != nil {
			name = got.Name()
		}
		if name != tc.want {
			t.Errorf("Used(%s) = %v, want %s", types.ExprString(tc.e), got, tc.want)
		}
	}
}

const calledSrc = `package called

import "net/http"

type S struct{}

func (S) helperMethod()                               {}
func (S) methodValue()                                {}
func helper(w http.ResponseWriter, r *http.Request)  {}
func registered(w http.ResponseWriter, r *http.Request) {}
func converted(w http.ResponseWriter, r *http.Request)  {}
func returned()                                      {}
func inLiteral()                                     {}
func inField()                                       {}
func inVar()                                         {}
func assigned()                                      {}
func started()                                       {}
func deferred()                                      {}
func testOnly()                                      {}
func valuedInTest()                        {}
func generic[T any]()                                {}

type holder struct{ f func() }

var v = inVar

func use(w http.ResponseWriter, r *http.Request, s S) func() {
	helper(w, r)
	s.helperMethod()
	registered(w, r)
	http.HandleFunc("/x", registered)
	converted(w, r)
	http.Handle("/y", http.HandlerFunc(converted))
	f := s.methodValue
	f()
	s.methodValue()
	inLiteral()
	_ = []func(){inLiteral}
	inField()
	_ = holder{f: inField}
	inVar()
	var g func()
	g = assigned
	assigned()
	go started()
	defer deferred()
	generic[int]()
	_ = g
	_ = v
	valuedInTest()
	returned()
	return returned
}
`

const calledTestSrc = `package called

// Test files are not read: testOnly is called only here, valuedInTest is
// used as a value only here.
func useInTest() {
	testOnly()
	_ = []func(){valuedInTest}
}
`

func TestCalledOnly(t *testing.T) {
	c := check(t, "example.com/called", "called.go", calledSrc, "called_test.go", calledTestSrc)
	got := source.CalledOnly(c.fset, c.info, c.files)
	var names []string
	for fn := range got {
		if fn.Pkg() == c.pkg {
			names = append(names, fn.Name())
		}
	}
	sort.Strings(names)
	want := []string{"deferred", "helper", "helperMethod", "started", "valuedInTest"}
	if !slices.Equal(names, want) {
		t.Errorf("CalledOnly = %v, want %v", names, want)
	}
	// Functions of other packages count alike.
	handleFunc := c.pkg.Imports()[0].Scope().Lookup("HandleFunc").(*types.Func)
	if !got[handleFunc] {
		t.Error("CalledOnly leaves out http.HandleFunc, called and never a value")
	}
}

const servicesSrc = `package orders

import (
	"context"

	"shoppb"
)

type server struct {
	shoppb.UnimplementedOrdersServer
}

func (s *server) ListOrders(ctx context.Context, req *shoppb.ListOrdersRequest) (*shoppb.ListOrdersResponse, error) {
	return nil, nil
}

func (s *server) helper() {}

type other struct{}

func (o *other) ListOrders() {}
`

func TestServiceMethods(t *testing.T) {
	c := check(t, "example.com/orders", "orders.go", servicesSrc)
	got := source.ServiceMethods(c.pkg)
	if len(got) != 1 {
		t.Fatalf("ServiceMethods = %v, want server.ListOrders only", got)
	}
	for fn, fw := range got {
		if fn.Name() != "ListOrders" || fw != "gRPC" {
			t.Errorf("ServiceMethods: %v → %q", fn, fw)
		}
		recv := fn.Signature().Recv().Type().(*types.Pointer).Elem().(*types.Named).Obj().Name()
		if recv != "server" {
			t.Errorf("ServiceMethods: method of %s, want server", recv)
		}
	}
	plain := check(t, "example.com/plain", "plain.go", "package plain\n\nimport \"context\"\n\nvar _ context.Context\n")
	if source.ServiceMethods(plain.pkg) != nil {
		t.Error("ServiceMethods of a package importing no RPC runtime")
	}
}
