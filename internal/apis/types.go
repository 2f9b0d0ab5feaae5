package apis

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Matches reports whether t is the type ref names.
func (ref TypeRef) Matches(t types.Type) bool {
	if ref.Ptr {
		p, ok := t.(*types.Pointer)
		if !ok {
			return false
		}
		t = p.Elem()
	}
	if ref.Pkg == "" {
		return types.Identical(t, types.Universe.Lookup(ref.Name).Type())
	}
	pkg, name := NamedOf(t)
	return pkg == ref.Pkg && name == ref.Name
}

// NamedOf returns the package path and name of the named (or alias) type t,
// or "", "" for unnamed types. Pointers are not followed.
func NamedOf(t types.Type) (pkg, name string) {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return "", obj.Name()
		}
		return obj.Pkg().Path(), obj.Name()
	}
	return "", ""
}

// Deref returns the element type of a pointer, or t.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// HandlerOf returns the handler shape sig has, or nil.
func HandlerOf(sig *types.Signature) *Handler {
	for i := range Handlers {
		h := &Handlers[i]
		if tupleMatches(sig.Params(), h.Params) && tupleMatches(sig.Results(), h.Results) {
			return h
		}
	}
	return nil
}

func tupleMatches(tuple *types.Tuple, refs []TypeRef) bool {
	if tuple.Len() != len(refs) {
		return false
	}
	for i, ref := range refs {
		if !ref.Matches(tuple.At(i).Type()) {
			return false
		}
	}
	return true
}

// ContextSourceOf returns how to get a context from a value of type t, or nil.
func ContextSourceOf(t types.Type) *ContextSource {
	for i := range ContextSources {
		if ContextSources[i].Type.Matches(t) {
			return &ContextSources[i]
		}
	}
	return nil
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool { return contextContext.Matches(t) }

// Callee returns the function or method a call expression calls
// statically, and the type of the receiver expression for method calls
// (nil for functions and for calls through a method value).
func Callee(info *types.Info, call *ast.CallExpr) (*types.Func, types.Type) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil, nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			return fn, s.Recv()
		}
	}
	return fn, nil
}

// FuncKey returns the package path, receiver type name and name of fn, as
// the tables key them. The receiver is the type that declares the method
// (for promoted methods, the embedded type; for interface methods, the
// interface that declares them).
func FuncKey(fn *types.Func) (pkg, recv, name string) {
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		rt := Deref(sig.Recv().Type())
		_, recv = NamedOf(rt)
	}
	return pkg, recv, fn.Name()
}

// FuncName names fn as messages show it: "(*sql.DB).Query", "(pgx.Tx).Exec",
// "http.Get", using package names rather than paths.
func FuncName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	sig := fn.Signature()
	if sig.Recv() == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return "(" + types.TypeString(sig.Recv().Type(), qual) + ")." + fn.Name()
}
