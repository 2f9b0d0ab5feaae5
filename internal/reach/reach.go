// Package reach finds code that cannot run, so that no rule reports a
// finding there: a function nothing live refers to, and a branch behind a
// condition that is always false; and, in a whole program, the functions
// that run only while it starts (StartUp).
//
// In a whole program, a function is live when a root refers to it,
// directly or through live functions. The roots are main and init, a
// method whose name an interface declares (an interface may call it), a
// method of a controller a framework calls by reflection
// (apis.Controllers), functions with a //go:linkname or cgo //export
// directive, what package-level declarations refer to, and a library's
// exported functions (those of a package no main package imports, unless
// its name says it serves tests: testserver, dbtest, fixtures, mocks; the driver decides
// which packages are libraries). Test
// files are not code that runs: a function only tests call is not live. A
// method only a template calls by name is not live either: its findings
// are lost, which costs less than reporting code that never runs.
//
// A condition is always false when constants and fixed variables decide
// it. A fixed variable is a package-level boolean or number (not a string,
// which -ldflags -X can set) that nothing assigns, increments or takes the
// address of; its value is its constant initialiser or zero. In an if
// statement a fixed condition leaves the branch it skips unreachable, and,
// when the branch it takes always ends in return, panic, break, continue
// or goto, the statements after the if too.
//
// One package alone (go vet, golangci-lint) cannot tell which of its
// functions others call, by a test or by reflection, nor whether another
// package assigns an exported variable: there every function is live, and
// only the branches its constants and unexported fixed variables rule out
// are dead.
package reach

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// Package is one package's type-checked syntax.
type Package struct {
	Fset  *token.FileSet
	Types *types.Package
	Info  *types.Info
	Files []*ast.File
	// Library says the package's exported functions may be called from
	// outside the program: no main package imports it. Only a whole
	// program asks.
	Library bool
}

// Dead is the code of some packages that cannot run.
type Dead struct {
	spans map[*token.File][]span
}

type span struct{ pos, end token.Pos }

// Contains reports whether pos is in code that cannot run.
func (d *Dead) Contains(fset *token.FileSet, pos token.Pos) bool {
	if d == nil || !pos.IsValid() {
		return false
	}
	for _, s := range d.spans[fset.File(pos)] {
		if s.pos <= pos && pos < s.end {
			return true
		}
	}
	return false
}

func (d *Dead) add(fset *token.FileSet, pos, end token.Pos) {
	f := fset.File(pos)
	d.spans[f] = append(d.spans[f], span{pos, end})
}

// Program says what a whole program shows beyond its packages' syntax.
type Program struct {
	// Interfaces are, by method name, the interfaces of the program that
	// declare it, its dependencies' included; nil stands for a generic
	// one, which any method of that name may satisfy.
	Interfaces map[string][]*types.Interface
}

// Interfaces returns, by method name, the package-level interfaces of
// pkgs and of every package they import, directly or not, that declare
// it: a method of the program with one of these names may be called
// through one of them. A generic interface is recorded as nil.
func Interfaces(pkgs ...*types.Package) map[string][]*types.Interface {
	out := make(map[string][]*types.Interface)
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if p == nil || seen[p] {
			return
		}
		seen[p] = true
		scope := p.Scope()
		for _, n := range scope.Names() {
			tn, ok := scope.Lookup(n).(*types.TypeName)
			if !ok {
				continue
			}
			it, ok := tn.Type().Underlying().(*types.Interface)
			if !ok {
				continue
			}
			if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
				it = nil
			}
			add(out, it, tn.Type().Underlying().(*types.Interface))
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	for _, p := range pkgs {
		visit(p)
	}
	return out
}

// add records it under the name of each method of decl, its method set
// (it is nil for a generic interface).
func add(out map[string][]*types.Interface, it, decl *types.Interface) {
	for i := range decl.NumMethods() {
		name := decl.Method(i).Name()
		out[name] = append(out[name], it)
	}
}

// Find returns the dead code of pkgs, analysed together. With a Program,
// pkgs are the whole program: an exported variable none of them assigns
// is fixed, and an exported method is live only as unexported ones are.
func Find(pkgs []*Package, whole *Program) *Dead {
	decls := make(map[*types.Func]*decl)
	var order []*decl
	fixed := fixedVars(pkgs, whole != nil)
	for _, p := range pkgs {
		var methods func(string) bool // asked only of a whole program
		if whole != nil {
			methods = interfaceMethods(p, whole)
		}
		for _, f := range nonTest(p) {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				fn, ok := p.Info.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				dc := &decl{pkg: p, fd: fd, root: isRoot(p, fd, fn, methods, whole != nil)}
				decls[fn] = dc
				order = append(order, dc)
			}
		}
	}
	dead := &Dead{spans: make(map[*token.File][]span)}
	var work []*decl
	mark := func(fn *types.Func) {
		if dc := decls[fn.Origin()]; dc != nil && !dc.live {
			dc.live = true
			work = append(work, dc)
		}
	}
	for _, dc := range order {
		if dc.root {
			dc.live = true
			work = append(work, dc)
		}
	}
	// What package-level declarations refer to runs when the program
	// starts (a variable's initialiser) or is reachable from it (a table
	// of handlers).
	for _, p := range pkgs {
		w := &walker{pkg: p, fixed: fixed, use: mark, dead: dead}
		for _, f := range nonTest(p) {
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok {
					w.node(gd)
				}
			}
		}
	}
	for len(work) > 0 {
		dc := work[len(work)-1]
		work = work[:len(work)-1]
		if dc.fd.Body != nil {
			w := &walker{pkg: dc.pkg, fixed: fixed, use: mark, dead: dead}
			w.node(dc.fd.Body)
		}
	}
	for _, dc := range order {
		if !dc.live {
			dead.add(dc.pkg.Fset, dc.fd.Pos(), dc.fd.End())
		}
	}
	return dead
}

// decl is one function declaration.
type decl struct {
	pkg  *Package
	fd   *ast.FuncDecl
	root bool
	live bool
}

// isRoot reports whether fd, declaring fn, runs without a call the
// analysis can see.
func isRoot(p *Package, fd *ast.FuncDecl, fn *types.Func, declared func(method string) bool, whole bool) bool {
	name := fd.Name.Name
	switch {
	case !whole:
		return true
	case fd.Body == nil: // implemented in assembly or linked from elsewhere
		return true
	case fd.Recv == nil && name == "init":
		return true
	case fd.Recv == nil && name == "main" && p.Types.Name() == "main":
		return true
	case fd.Recv != nil:
		return declared(name) || ast.IsExported(name) && isController(fn)
	case ast.IsExported(name) && p.Library && p.Types.Name() != "main":
		return true
	}
	if fd.Doc != nil {
		for _, c := range fd.Doc.List {
			if strings.HasPrefix(c.Text, "//go:linkname") || strings.HasPrefix(c.Text, "//export ") {
				return true
			}
		}
	}
	return false
}

// interfaceMethods returns the names of the methods p's interfaces
// declare, with the whole program's: a method can satisfy only those.
func interfaceMethods(p *Package, whole *Program) func(string) bool {
	local := localInterfaces(p)
	return func(name string) bool { return len(local[name]) > 0 || whole != nil && len(whole.Interfaces[name]) > 0 }
}

// interfaceCallable returns whether a method of p may be called through
// an interface: one of p's or of the whole program's that declares a
// method of its name and that its receiver type, or a pointer to it,
// implements. Start-up code asks this rather than the name alone: that
// a dependency declares Init somewhere does not make every Init method
// run at any time.
func interfaceCallable(p *Package, whole *Program) func(fn *types.Func) bool {
	local := localInterfaces(p)
	return func(fn *types.Func) bool {
		recv := fn.Signature().Recv()
		if recv == nil {
			return false
		}
		t := apis.Deref(recv.Type())
		if named, ok := t.(*types.Named); ok && named.TypeParams().Len() > 0 {
			return len(local[fn.Name()]) > 0 || whole != nil && len(whole.Interfaces[fn.Name()]) > 0
		}
		ifaces := local[fn.Name()]
		if whole != nil {
			ifaces = append(ifaces[:len(ifaces):len(ifaces)], whole.Interfaces[fn.Name()]...)
		}
		for _, it := range ifaces {
			if it == nil || types.Implements(t, it) || types.Implements(types.NewPointer(t), it) {
				return true
			}
		}
		return false
	}
}

// localInterfaces returns, by method name, the interface types p's files
// spell out, in declarations, literals and type assertions alike.
func localInterfaces(p *Package) map[string][]*types.Interface {
	out := make(map[string][]*types.Interface)
	for _, f := range p.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			it, ok := n.(*ast.InterfaceType)
			if !ok {
				return true
			}
			decl, ok := p.Info.TypeOf(it).(*types.Interface)
			if !ok {
				return true
			}
			if generic(decl) {
				add(out, nil, decl)
			} else {
				add(out, decl, decl)
			}
			return true
		})
	}
	return out
}

// generic reports whether a method of it mentions a type parameter (an
// interface declared in a generic type or function): which methods
// implement it depends on the instance.
func generic(it *types.Interface) bool {
	var mentions func(t types.Type, depth int) bool
	mentions = func(t types.Type, depth int) bool {
		if depth > 8 {
			return false
		}
		switch t := types.Unalias(t).(type) {
		case *types.TypeParam:
			return true
		case *types.Pointer:
			return mentions(t.Elem(), depth+1)
		case *types.Slice:
			return mentions(t.Elem(), depth+1)
		case *types.Array:
			return mentions(t.Elem(), depth+1)
		case *types.Chan:
			return mentions(t.Elem(), depth+1)
		case *types.Map:
			return mentions(t.Key(), depth+1) || mentions(t.Elem(), depth+1)
		case *types.Named:
			for a := range t.TypeArgs().Types() {
				if mentions(a, depth+1) {
					return true
				}
			}
		case *types.Signature:
			for v := range t.Params().Variables() {
				if mentions(v.Type(), depth+1) {
					return true
				}
			}
			for v := range t.Results().Variables() {
				if mentions(v.Type(), depth+1) {
					return true
				}
			}
		}
		return false
	}
	for i := range it.NumMethods() {
		if mentions(it.Method(i).Type(), 0) {
			return true
		}
	}
	return false
}

// isController reports whether method fn's receiver embeds a controller
// base type, whose framework calls its methods by reflection.
func isController(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && apis.ControllerOf(recv.Type()) != nil
}

// nonTest returns p's files but its _test.go files.
func nonTest(p *Package) []*ast.File {
	var out []*ast.File
	for _, f := range p.Files {
		if !isTest(p.Fset, f) {
			out = append(out, f)
		}
	}
	return out
}

// isTest reports whether f is a _test.go file.
func isTest(fset *token.FileSet, f *ast.File) bool {
	return strings.HasSuffix(fset.File(f.FileStart).Name(), "_test.go")
}

// walker collects what live code refers to, skipping the branches fixed
// conditions rule out, which it records as dead.
type walker struct {
	pkg   *Package
	fixed map[*types.Var]fixedValue
	use   func(*types.Func)
	dead  *Dead
}

func (w *walker) node(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			w.list(n.List)
			return false
		case *ast.CaseClause:
			for _, e := range n.List {
				w.node(e)
			}
			w.list(n.Body)
			return false
		case *ast.CommClause:
			if n.Comm != nil {
				w.node(n.Comm)
			}
			w.list(n.Body)
			return false
		case *ast.IfStmt:
			w.ifStmt(n)
			return false
		case *ast.Ident:
			if fn, ok := w.pkg.Info.Uses[n].(*types.Func); ok {
				w.use(fn)
			}
		}
		return true
	})
}

// list walks a statement list; after an if statement whose taken branch
// always leaves, the rest of the list is dead.
func (w *walker) list(stmts []ast.Stmt) {
	for i, s := range stmts {
		ifs, ok := s.(*ast.IfStmt)
		if !ok {
			w.node(s)
			continue
		}
		if w.ifStmt(ifs) && i+1 < len(stmts) {
			w.dead.add(w.pkg.Fset, stmts[i+1].Pos(), stmts[len(stmts)-1].End())
			return
		}
	}
}

// ifStmt walks the branches of s that can run, records the one a fixed
// condition rules out, and reports whether the condition is fixed and the
// branch it takes always leaves.
func (w *walker) ifStmt(s *ast.IfStmt) (leaves bool) {
	if s.Init != nil {
		w.node(s.Init)
	}
	w.node(s.Cond)
	taken, ok := w.truth(s.Cond)
	if !ok {
		w.node(s.Body)
		if s.Else != nil {
			w.node(s.Else)
		}
		return false
	}
	run, skip := ast.Stmt(s.Body), s.Else
	if !taken {
		run, skip = s.Else, s.Body
	}
	if skip != nil {
		w.dead.add(w.pkg.Fset, skip.Pos(), skip.End())
	}
	if run == nil {
		return false
	}
	w.node(run)
	return w.leavesAlways(run)
}

// leavesAlways reports whether the block s always ends in a statement
// that leaves it.
func (w *walker) leavesAlways(s ast.Stmt) bool {
	b, ok := s.(*ast.BlockStmt)
	if !ok || len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := last.X.(*ast.CallExpr)
		return ok && source.BuiltinName(w.pkg.Info, call) == "panic"
	}
	return false
}
