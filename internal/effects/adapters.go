package effects

import (
	"go/ast"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// learnAdapters finds the package's adapters (see Adapter): functions
// whose returned closure calls a function parameter with the request it
// receives, and function types whose ServeHTTP (or other handler method)
// calls the value converted to them.
func (hs *handlerSet) learnAdapters() {
	info := hs.s.pass.TypesInfo
	for decl, nd := range hs.s.nodes {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || nd.fn == nil || fd.Body == nil {
			continue
		}
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			if a, tn, ok := hs.adapterMethod(fd); ok {
				hs.adapters[tn] = a
			}
		}
		var funcParams []*types.Var
		for _, p := range nd.params {
			if _, ok := p.Type().Underlying().(*types.Signature); ok {
				funcParams = append(funcParams, p)
			}
		}
		if len(funcParams) == 0 {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			lit, ok := n.(*ast.FuncLit)
			if !ok {
				return true
			}
			if a, ok := callsWithRequest(hs.s.table, info, lit, nd.params); ok {
				if _, seen := hs.adapters[nd.fn]; !seen {
					hs.adapters[nd.fn] = a
				}
			}
			return true
		})
		if _, seen := hs.adapters[nd.fn]; !seen {
			if a, ok := handsOn(hs.s.table, info, nd.fn, fd.Body, nd.params); ok {
				hs.adapters[nd.fn] = a
			}
		}
	}
}

// handsOn reports whether fn, which returns a handler (apis.HandlerTypes),
// takes a function of a request (func(*http.Request) Response) and hands
// it to another call rather than calling it itself: the library it hands
// it to runs it per request (dendrite's MakeExternalAPI(name, f) returns
// util.MakeJSONAPI(util.NewJSONRequestHandler(f))). The adapter's Param
// is that parameter, its Request the request's position in it.
func handsOn(table *apis.Table, info *types.Info, fn *types.Func, body ast.Node, params []*types.Var) (Adapter, bool) {
	res := fn.Signature().Results()
	returnsHandler := false
	for i := range res.Len() {
		returnsHandler = returnsHandler || apis.HandlerTypeOf(res.At(i).Type()) != nil
	}
	if !returnsHandler {
		return Adapter{}, false
	}
	for k, p := range params {
		sig, ok := p.Type().Underlying().(*types.Signature)
		if !ok {
			continue
		}
		j := -1
		for i := range sig.Params().Len() {
			if table.RequestParamOf(sig.Params().At(i).Type()) != nil {
				j = i
			}
		}
		if j < 0 {
			continue
		}
		handed := false
		ast.Inspect(body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				for _, a := range call.Args {
					if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == p {
						handed = true
					}
				}
			}
			return !handed
		})
		if handed {
			return Adapter{Param: k, Request: j}, true
		}
	}
	return Adapter{}, false
}

// callsWithRequest reports whether lit, a closure with a request
// parameter, calls one of params (its enclosing function's), passing that
// request: the adapter's Param and the argument's position.
func callsWithRequest(table *apis.Table, info *types.Info, lit *ast.FuncLit, params []*types.Var) (Adapter, bool) {
	req := requestParam(table, source.Params(info, lit))
	if req == nil {
		return Adapter{}, false
	}
	var found Adapter
	ok := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if ok || !isCall {
			return !ok
		}
		id, isID := ast.Unparen(call.Fun).(*ast.Ident)
		if !isID {
			return true
		}
		k := -1
		for i, p := range params {
			if info.Uses[id] == p {
				k = i
			}
		}
		if k < 0 {
			return true
		}
		for j, a := range call.Args {
			if aid, isID := ast.Unparen(a).(*ast.Ident); isID && info.Uses[aid] == req {
				found, ok = Adapter{Param: k, Request: j}, true
				return false
			}
		}
		return true
	})
	return found, ok
}

// requestParam returns the parameter of params that carries a request.
func requestParam(table *apis.Table, params []*types.Var) *types.Var {
	for _, p := range params {
		if table.RequestParamOf(p.Type()) != nil {
			return p
		}
	}
	return nil
}

// adapterMethod reports whether fd, a method of a function type, calls
// its receiver with the request it receives (func (fn appHandler)
// ServeHTTP(w, r) { fn(w, r) }).
func (hs *handlerSet) adapterMethod(fd *ast.FuncDecl) (Adapter, *types.TypeName, bool) {
	info := hs.s.pass.TypesInfo
	field := fd.Recv.List[0]
	if len(field.Names) != 1 {
		return Adapter{}, nil, false
	}
	recv, _ := info.Defs[field.Names[0]].(*types.Var)
	if recv == nil {
		return Adapter{}, nil, false
	}
	named, ok := types.Unalias(apis.Deref(recv.Type())).(*types.Named)
	if !ok {
		return Adapter{}, nil, false
	}
	if _, isFunc := named.Underlying().(*types.Signature); !isFunc {
		return Adapter{}, nil, false
	}
	lit := &ast.FuncLit{Type: fd.Type, Body: fd.Body}
	a, ok := callsWithRequest(hs.s.table, info, lit, []*types.Var{recv})
	if !ok {
		return Adapter{}, nil, false
	}
	a.Param = -1
	return a, named.Obj(), true
}

// adapterFunc returns fn's adapter: of this package, or by fact.
func (hs *handlerSet) adapterFunc(fn *types.Func) (Adapter, bool) {
	fn = fn.Origin()
	if a, ok := hs.adapters[fn]; ok {
		return a, true
	}
	if fn.Pkg() == nil || fn.Pkg() == hs.s.pass.Pkg {
		return Adapter{}, false
	}
	var a Adapter
	if hs.s.pass.ImportObjectFact(fn, &a) {
		return a, true
	}
	return Adapter{}, false
}

// adapterType returns the adapter of named type t.
func (hs *handlerSet) adapterType(t types.Type) (Adapter, bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return Adapter{}, false
	}
	tn := named.Obj()
	if a, ok := hs.adapters[tn]; ok {
		return a, true
	}
	if tn.Pkg() == nil || tn.Pkg() == hs.s.pass.Pkg {
		return Adapter{}, false
	}
	var a Adapter
	if hs.s.pass.ImportObjectFact(tn, &a) {
		return a, true
	}
	return Adapter{}, false
}

// exportAdapters publishes the adapters other packages can call.
func (hs *handlerSet) exportAdapters() {
	for obj, a := range hs.adapters {
		if obj.Exported() && obj.Pkg() == hs.s.pass.Pkg {
			a := a
			hs.s.pass.ExportObjectFact(obj, &a)
		}
	}
}
