package notimeout

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// built is an http.Client or http.Server value created in the code: a
// composite literal, new(T), or a zero-value variable.
type built struct {
	pos, end token.Pos
	lit      *ast.CompositeLit // nil unless a literal
	// target is where the value is stored, as source text ("c",
	// "s.client"), or "" when it is passed or returned directly.
	target string
	// targetVar is the local variable the value is stored in, if any.
	targetVar *types.Var
	// stored is the variable or struct field the value is stored in, if
	// any (c, s.client, service{client: ...}).
	stored types.Object
	// contextValue is set when the value is handed to context.WithValue:
	// data for whoever reads the context (http.ServerContextKey's server,
	// read for its ErrorLog), not something that serves or sends.
	contextValue bool
	// scope is the code searched for later field assignments: the
	// outermost enclosing function body, or nil at package level.
	scope ast.Node
	// constructor names the function that returns the value, if any.
	constructor string
	// fallback is set when the value is the default a function gives its
	// parameter of that name when called with nil:
	// if c == nil { c = &http.Client{} }. fallbackFn is that function.
	fallback   *types.Var
	fallbackFn *types.Func
}

var (
	clientType = apis.TypeRef{Pkg: "net/http", Name: "Client"}
	serverType = apis.TypeRef{Pkg: "net/http", Name: "Server"}
)

// literal checks composite literals of http.Client and http.Server.
func (c *checker) literal(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	switch {
	case clientType.Matches(t):
		c.client(c.describe(cur, lit))
	case serverType.Matches(t):
		c.server(c.describe(cur, lit))
	}
}

// newBuiltin checks new(http.Client) and new(http.Server).
func (c *checker) newBuiltin(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	t := c.pass.TypesInfo.TypeOf(call.Args[0])
	switch {
	case clientType.Matches(t):
		c.client(c.describe(cur, nil))
	case serverType.Matches(t):
		c.server(c.describe(cur, nil))
	}
}

// zeroValue checks var c http.Client and var s http.Server.
func (c *checker) zeroValue(cur inspector.Cursor, spec *ast.ValueSpec) {
	if spec.Type == nil || len(spec.Values) > 0 {
		return
	}
	t := c.pass.TypesInfo.TypeOf(spec.Type)
	isClient, isServer := clientType.Matches(t), serverType.Matches(t)
	if !isClient && !isServer {
		return
	}
	for _, name := range spec.Names {
		if name.Name == "_" || c.packageVarAssigned(name) {
			continue
		}
		b := built{pos: name.Pos(), end: name.End(), target: name.Name}
		if fn, ok := source.OutermostFunc(cur); ok {
			b.scope = source.Body(fn.Node())
		}
		if isClient {
			c.client(b)
		} else {
			c.server(b)
		}
	}
}

// packageVarAssigned reports whether name declares a package-level
// variable that the package assigns a whole value to somewhere (var srv
// http.Server; ... srv = http.Server{ReadTimeout: ...}): that value is
// checked where it is built, and the zero value is a placeholder.
func (c *checker) packageVarAssigned(name *ast.Ident) bool {
	v, ok := c.pass.TypesInfo.Defs[name].(*types.Var)
	if !ok || v.Parent() != c.pass.Pkg.Scope() {
		return false
	}
	// The declaration itself gives no value (it is a zero value), so any
	// value found is assigned elsewhere.
	for _, f := range c.pass.Files {
		if len(source.AssignedValues(c.pass.TypesInfo, f, v)) > 0 {
			return true
		}
	}
	return false
}

// describe finds where the value built at cur goes.
func (c *checker) describe(cur inspector.Cursor, lit *ast.CompositeLit) built {
	b := built{pos: cur.Node().Pos(), end: cur.Node().End(), lit: lit}
	node := cur
	parent := cur.Parent()
	if u, ok := parent.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		node, parent = parent, parent.Parent()
	}
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		node, parent = parent, parent.Parent()
	}
	returned := false
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == node.Node() && i < len(p.Lhs) && len(p.Lhs) == len(p.Rhs) {
				b.target = types.ExprString(p.Lhs[i])
				b.stored = source.Used(c.pass.TypesInfo, p.Lhs[i])
				if id, ok := p.Lhs[i].(*ast.Ident); ok {
					b.targetVar = c.localVar(id)
					b.stored = c.pass.TypesInfo.ObjectOf(id)
				}
			}
		}
	case *ast.KeyValueExpr:
		if p.Value == node.Node() {
			if key, ok := p.Key.(*ast.Ident); ok {
				if v, ok := c.pass.TypesInfo.Uses[key].(*types.Var); ok && v.IsField() {
					b.stored = v
				}
			}
		}
	case *ast.CallExpr:
		if fn, _ := apis.Callee(c.pass.TypesInfo, p); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" && fn.Name() == "WithValue" {
			b.contextValue = true
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == node.Node() && i < len(p.Names) {
				b.target = p.Names[i].Name
				b.targetVar = c.localVar(p.Names[i])
				b.stored = c.pass.TypesInfo.ObjectOf(p.Names[i])
			}
		}
	}
	for up := range parent.Enclosing() {
		if _, ok := up.Node().(*ast.ReturnStmt); ok {
			returned = true // directly, or inside a returned composite literal
			break
		}
		if _, ok := up.Node().(ast.Stmt); ok {
			break
		}
		if _, ok := up.Node().(*ast.FuncLit); ok {
			break
		}
	}
	fn, ok := source.OutermostFunc(cur)
	if !ok {
		return b // package level: scope nil means "search the package"
	}
	b.scope = source.Body(fn.Node())
	decl, isDecl := fn.Node().(*ast.FuncDecl)
	if isDecl && b.targetVar != nil && c.nilTested(parent, b.targetVar) {
		if f, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && slices.Contains(source.Params(c.pass.TypesInfo, decl), b.targetVar) {
			b.fallback, b.fallbackFn = b.targetVar, f
		}
	}
	if isDecl && (returned || returnsIdent(b.scope, b.target)) {
		b.constructor = source.FuncName(decl)
	}
	return b
}

// nilTested reports whether the statement at cur runs inside
// if v == nil { ... }, as its first enclosing if.
func (c *checker) nilTested(cur inspector.Cursor, v *types.Var) bool {
	for up := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := up.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		be, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || be.Op != token.EQL {
			return false
		}
		x, y := ast.Unparen(be.X), ast.Unparen(be.Y)
		if c.pass.TypesInfo.Types[x].IsNil() {
			x, y = y, x
		}
		id, ok := x.(*ast.Ident)
		return ok && c.pass.TypesInfo.Types[y].IsNil() && c.pass.TypesInfo.Uses[id] == v &&
			ifs.Body.Pos() <= cur.Node().Pos() && cur.Node().End() <= ifs.Body.End()
	}
	return false
}

// passesNil reports whether a call of fn in this package passes nil as
// its parameter v.
func (c *checker) passesNil(fn *types.Func, v *types.Var) bool {
	idx := -1
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == v {
			idx = i
		}
	}
	found := false
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			if source.Used(c.pass.TypesInfo, call.Fun) == fn && idx >= 0 && idx < len(call.Args) &&
				c.pass.TypesInfo.Types[call.Args[idx]].IsNil() {
				found = true
			}
			return !found
		})
	}
	return found
}

// returnsIdent reports whether a return statement in body mentions the
// identifier name.
func returnsIdent(body ast.Node, name string) bool {
	if body == nil || name == "" || !token.IsIdentifier(name) {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			return !found
		}
		for _, r := range ret.Results {
			ast.Inspect(r, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Name == name {
					found = true
				}
				return !found
			})
		}
		return false
	})
	return found
}

// assignedLater reports whether one of fields is assigned through b's
// target after the value is built.
func (c *checker) assignedLater(b built, fields ...string) bool {
	if b.target == "" {
		return false
	}
	if b.scope != nil {
		return source.FieldAssigned(b.scope, b.target, b.pos, fields...)
	}
	// Package-level variable: look everywhere in the package (init
	// functions, main).
	for _, f := range c.pass.Files {
		if source.FieldAssigned(f, b.target, token.NoPos, fields...) {
			return true
		}
	}
	return false
}

// localVar returns the function-local variable id defines or uses.
func (c *checker) localVar(id *ast.Ident) *types.Var {
	obj := c.pass.TypesInfo.Defs[id]
	if obj == nil {
		obj = c.pass.TypesInfo.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil
	}
	return v
}
