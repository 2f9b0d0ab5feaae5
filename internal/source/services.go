package source

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apilint/apilint/internal/apis"
)

// ServiceMethods returns the methods of pkg's types that implement a
// generated gRPC, Connect or oapi-codegen service interface, declared in
// pkg itself or in a package pkg imports, with the framework's name: each
// is a request handler.
func ServiceMethods(pkg *types.Package) map[*types.Func]string {
	var ifaces []*types.Named
	var frameworks []string
	for _, imp := range append(pkg.Imports(), pkg) {
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
	concrete, _ := NamedTypes(pkg)
	for _, named := range concrete {
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

// CalledOnly returns the functions that files (tests excepted) call and
// never use as values.
func CalledOnly(fset *token.FileSet, info *types.Info, files []*ast.File) map[*types.Func]bool {
	called := make(map[*types.Func]bool)
	valued := make(map[*types.Func]bool)
	for _, f := range files {
		if strings.HasSuffix(fset.File(f.FileStart).Name(), "_test.go") {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn, ok := Used(info, n.Fun).(*types.Func); ok {
					called[fn] = true
				}
				for _, a := range n.Args {
					markValue(info, a, valued)
				}
				return true
			case *ast.AssignStmt:
				for _, r := range n.Rhs {
					markValue(info, r, valued)
				}
			case *ast.CompositeLit:
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						e = kv.Value
					}
					markValue(info, e, valued)
				}
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					markValue(info, r, valued)
				}
			case *ast.ValueSpec:
				for _, v := range n.Values {
					markValue(info, v, valued)
				}
			}
			return true
		})
	}
	out := make(map[*types.Func]bool)
	for fn := range called {
		if !valued[fn] {
			out[fn] = true
		}
	}
	return out
}

// markValue records a function used as a value: f, s.method, pkg.F.
func markValue(info *types.Info, e ast.Expr, valued map[*types.Func]bool) {
	if x, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		// http.HandlerFunc(h): a conversion uses h as a value.
		if len(x.Args) == 1 {
			markValue(info, x.Args[0], valued)
		}
		return
	}
	if fn, ok := Used(info, e).(*types.Func); ok {
		valued[fn] = true
	}
}
