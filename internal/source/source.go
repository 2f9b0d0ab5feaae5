// Package source answers the questions about function bodies that
// several analyzers ask: which function encloses a node, whether that
// function is a request handler, whether a node runs in a goroutine the
// function does not wait for, what values a variable is assigned, and
// which contexts are in scope at a position.
package source

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/inspector"
)

// FuncTypes are the node types that introduce a function body.
var FuncTypes = []ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}

// EnclosingFunc returns the innermost function declaration or literal
// enclosing cur (cur itself included).
func EnclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing(FuncTypes...) {
		return c, true
	}
	return inspector.Cursor{}, false
}

// OutermostFunc returns the top-level function declaration (or the
// outermost literal, for literals in package-level initialisers) that
// encloses cur.
func OutermostFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	var last inspector.Cursor
	found := false
	for c := range cur.Enclosing(FuncTypes...) {
		last, found = c, true
	}
	return last, found
}

// Body returns the body of a FuncDecl or FuncLit (nil for declarations
// without one).
func Body(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// Signature returns the type of a FuncDecl or FuncLit.
func Signature(info *types.Info, fn ast.Node) *types.Signature {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			return obj.Signature()
		}
	case *ast.FuncLit:
		if sig, ok := info.TypeOf(fn).(*types.Signature); ok {
			return sig
		}
	}
	return nil
}

// FuncName names a function node for messages: "Server.list" for methods,
// "list" for functions, "func literal" for literals.
func FuncName(fn ast.Node) string {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if fn.Recv != nil && len(fn.Recv.List) == 1 {
			if name := recvTypeName(fn.Recv.List[0].Type); name != "" {
				return name + "." + fn.Name.Name
			}
		}
		return fn.Name.Name
	}
	return "func literal"
}

func recvTypeName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// IsGoLiteral reports whether fn is a function literal started by a go
// statement: go func() { ... }().
func IsGoLiteral(fn inspector.Cursor) bool {
	if _, ok := fn.Node().(*ast.FuncLit); !ok {
		return false
	}
	call, ok := fn.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != fn.Node() {
		return false
	}
	_, ok = fn.Parent().Parent().Node().(*ast.GoStmt)
	return ok
}

// Params returns the parameter objects of a FuncDecl or FuncLit, in order.
func Params(info *types.Info, fn ast.Node) []*types.Var {
	sig := Signature(info, fn)
	if sig == nil {
		return nil
	}
	out := make([]*types.Var, sig.Params().Len())
	for i := range out {
		out[i] = sig.Params().At(i)
	}
	return out
}

// Used returns the object that e names when it is an identifier or a
// qualified one (f, s.method, pkg.F), or nil.
func Used(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
}

// Root returns the object of the identifier a chain of selectors, indexes
// and dereferences starts from (c in c.Data["json"], s in *s.cache), or
// nil.
func Root(info *types.Info, e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.ObjectOf(x)
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// VarSpecs yields the package-level variable declarations of files.
func VarSpecs(files []*ast.File) iter.Seq[*ast.ValueSpec] {
	return func(yield func(*ast.ValueSpec) bool) {
		for _, f := range files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					if !yield(spec.(*ast.ValueSpec)) {
						return
					}
				}
			}
		}
	}
}

// Receiver returns the receiver of a method declaration, or nil.
func Receiver(info *types.Info, fn ast.Node) *types.Var {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	v, _ := info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	return v
}

// Mentions reports whether n uses the object v.
func Mentions(info *types.Info, n ast.Node, v types.Object) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if x, ok := m.(*ast.Ident); ok && info.Uses[x] == v {
			found = true
		}
		return !found
	})
	return found
}

// NamedTypes returns the non-generic defined types of pkg's scope (no
// aliases), the concrete ones and the interfaces apart.
func NamedTypes(pkg *types.Package) (concrete, ifaces []*types.Named) {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		if types.IsInterface(named) {
			ifaces = append(ifaces, named)
		} else {
			concrete = append(concrete, named)
		}
	}
	return concrete, ifaces
}

// FuncDecls indexes the function declarations of files by the function
// each declares.
func FuncDecls(info *types.Info, files []*ast.File) map[*types.Func]*ast.FuncDecl {
	out := make(map[*types.Func]*ast.FuncDecl)
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					out[fn] = fd
				}
			}
		}
	}
	return out
}
