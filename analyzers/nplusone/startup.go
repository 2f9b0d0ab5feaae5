package nplusone

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
)

// startUpFuncs returns the functions of a main package that run only at
// start-up, once per process: main and init, and the functions that only
// they (or other such functions) call, by name, outside any function
// literal and go statement. A round trip per element there costs once per
// start, over the configuration or a table read once, not per request or
// per job. A function also referenced as a value (a handler, a callback,
// a goroutine's body) may run at any time, and is not one of them.
func startUpFuncs(pass *analysis.Pass) map[*types.Func]bool {
	if pass.Pkg.Name() != "main" {
		return nil
	}
	callers := make(map[*types.Func][]*types.Func) // callee -> its start-up candidate callers
	direct := make(map[*ast.Ident]bool)            // uses that are plain calls
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil {
				continue
			}
			caller, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if caller == nil {
				continue
			}
			periodic := repeating(pass.TypesInfo, fd.Body)
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
					return false // runs later, or elsewhere: its uses stay values
				case *ast.CallExpr:
					if within(periodic, n) {
						return true // called again and again: not once per start
					}
					id, ok := ast.Unparen(n.Fun).(*ast.Ident)
					if !ok {
						return true
					}
					if callee, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && callee.Pkg() == pass.Pkg {
						direct[id] = true
						callers[callee] = append(callers[callee], caller)
					}
				}
				return true
			})
		}
	}
	// A function used in any other way (as a value, in a literal, in a
	// go statement, by a package-level initialiser) is not start-up code.
	escapes := make(map[*types.Func]bool)
	for id, obj := range pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == pass.Pkg && !direct[id] {
			escapes[fn] = true
		}
	}
	startUp := make(map[*types.Func]bool)
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && (fd.Name.Name == "main" || fd.Name.Name == "init") {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					startUp[fn] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for callee, cs := range callers {
			if startUp[callee] || escapes[callee] {
				continue
			}
			all := true
			for _, c := range cs {
				all = all && startUp[c]
			}
			if all {
				startUp[callee] = true
				changed = true
			}
		}
	}
	return startUp
}

// repeating returns the loops of body that run until the process stops
// rather than over a collection: a for with no condition, or whose body
// waits in a select (for running { select { case <-ctx.Done(): ...; case
// <-time.After(d): } }), a range over a channel. What they call runs once
// per tick or message, not once per start.
func repeating(info *types.Info, body ast.Node) []ast.Node {
	var loops []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if n.Cond == nil || slices.ContainsFunc(n.Body.List, func(st ast.Stmt) bool { _, ok := st.(*ast.SelectStmt); return ok }) {
				loops = append(loops, n)
			}
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					loops = append(loops, n)
				}
			}
		}
		return true
	})
	return loops
}

// within reports whether n lies inside one of the nodes.
func within(nodes []ast.Node, n ast.Node) bool {
	for _, m := range nodes {
		if m.Pos() <= n.Pos() && n.End() <= m.End() {
			return true
		}
	}
	return false
}

// onTimer reports whether body loops on a timer: a for whose select waits
// on time.After, time.Tick, or a Ticker's or Timer's channel.
func onTimer(info *types.Info, body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if n.Comm != nil && timerChannel(info, n.Comm) {
				found = true
			}
		}
		return !found
	})
	return found
}

// timerChannel reports whether comm, a select case, receives from a timer:
// <-time.After(d), <-time.Tick(d), <-ticker.C.
func timerChannel(info *types.Info, comm ast.Stmt) bool {
	var recv ast.Expr
	switch c := comm.(type) {
	case *ast.ExprStmt:
		recv = c.X
	case *ast.AssignStmt:
		if len(c.Rhs) == 1 {
			recv = c.Rhs[0]
		}
	}
	u, ok := ast.Unparen(recv).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	switch x := ast.Unparen(u.X).(type) {
	case *ast.CallExpr:
		fn, _ := apis.Callee(info, x)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && (fn.Name() == "After" || fn.Name() == "Tick")
	case *ast.SelectorExpr:
		if x.Sel.Name != "C" {
			return false
		}
		t := apis.Deref(info.TypeOf(x.X))
		named, ok := t.(*types.Named)
		return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "time" &&
			(named.Obj().Name() == "Ticker" || named.Obj().Name() == "Timer")
	}
	return false
}
