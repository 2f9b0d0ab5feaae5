package source

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
)

// ServiceMethods returns the methods of pkg's types that implement a
// generated gRPC or Connect service interface from a package pkg
// imports, with the framework's name: each is a request handler.
func ServiceMethods(pkg *types.Package) map[*types.Func]string {
	var ifaces []*types.Named
	var frameworks []string
	for _, imp := range pkg.Imports() {
		rt := runtimeOf(imp)
		if rt == nil {
			continue
		}
		scope := imp.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.Exported() || !strings.HasSuffix(name, rt.Suffix) {
				continue
			}
			if named, ok := tn.Type().(*types.Named); ok && types.IsInterface(named) {
				ifaces = append(ifaces, named)
				frameworks = append(frameworks, rt.Framework)
			}
		}
	}
	if len(ifaces) == 0 {
		return nil
	}
	out := make(map[*types.Func]string)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || types.IsInterface(named) {
			continue
		}
		ptr := types.NewPointer(named)
		for i, it := range ifaces {
			iface := it.Underlying().(*types.Interface)
			if !types.Implements(ptr, iface) {
				continue
			}
			for j := 0; j < iface.NumMethods(); j++ {
				m := iface.Method(j)
				if !m.Exported() {
					continue
				}
				obj, _, _ := types.LookupFieldOrMethod(ptr, true, pkg, m.Name())
				if fn, ok := obj.(*types.Func); ok && fn.Pkg() == pkg {
					out[fn] = frameworks[i]
				}
			}
		}
	}
	return out
}

func runtimeOf(p *types.Package) *apis.ServiceRuntime {
	for _, imp := range p.Imports() {
		for i := range apis.ServiceRuntimes {
			if rt := &apis.ServiceRuntimes[i]; rt.Imports == imp.Path() {
				return rt
			}
		}
	}
	return nil
}

// HandlerFunc is a request handler of the package: a function or
// literal with a handler signature, or an RPC service method.
type HandlerFunc struct {
	Cursor inspector.Cursor // at the *ast.FuncDecl or *ast.FuncLit
	Name   string           // for messages: "Server.listOrders"
	// Shape is the handler signature; nil for RPC service methods.
	Shape     *apis.Handler
	Framework string
}

// Handlers returns the request handlers under root (a file's cursor).
func Handlers(info *types.Info, services map[*types.Func]string, root inspector.Cursor) []HandlerFunc {
	var out []HandlerFunc
	for cur := range root.Preorder(FuncTypes...) {
		sig := Signature(info, cur.Node())
		if sig == nil {
			continue
		}
		if h := apis.HandlerOf(sig); h != nil {
			out = append(out, HandlerFunc{Cursor: cur, Name: handlerName(cur), Shape: h, Framework: h.Framework})
			continue
		}
		if decl, ok := cur.Node().(*ast.FuncDecl); ok {
			if fn, ok := info.Defs[decl.Name].(*types.Func); ok {
				if fw, ok := services[fn]; ok {
					out = append(out, HandlerFunc{Cursor: cur, Name: FuncName(decl), Framework: fw})
				}
			}
		}
	}
	return out
}

// handlerName names a handler: its declaration, or for a literal the
// function it is written in ("routes (func literal)").
func handlerName(cur inspector.Cursor) string {
	if decl, ok := cur.Node().(*ast.FuncDecl); ok {
		return FuncName(decl)
	}
	if outer, ok := OutermostFunc(cur); ok && outer != cur {
		return FuncName(outer.Node()) + " (func literal)"
	}
	return "func literal"
}
