package notimeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/source"
)

// streamReaders read a response body a piece at a time: a loop over one
// of them consumes the body as a stream.
var streamReaders = map[string]bool{
	"bufio.NewScanner": true, "bufio.NewReader": true, "bufio.NewReaderSize": true,
	"encoding/json.NewDecoder": true, "encoding/xml.NewDecoder": true, "encoding/csv.NewReader": true,
}

// streamedAt returns where a response of the client stored in obj (a
// variable or a struct field) is read as a stream, in any function of the
// package: its Body handed to a scanner, reader or decoder that a loop
// reads, or copied to an http.ResponseWriter (a proxy). Client.Timeout
// covers reading the body, so it would cut such a stream.
func (c *checker) streamedAt(obj types.Object) token.Pos {
	if obj == nil {
		return token.NoPos
	}
	info := c.pass.TypesInfo
	at := token.NoPos
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || at.IsValid() {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || at.IsValid() || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
					return !at.IsValid()
				}
				call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
				if !ok || !apis.DefaultClientFuncs[sel.Sel.Name] && sel.Sel.Name != "Do" || source.Used(info, sel.X) != obj {
					return true
				}
				id, ok := as.Lhs[0].(*ast.Ident)
				if !ok {
					return true
				}
				if resp, ok := info.ObjectOf(id).(*types.Var); ok {
					at = c.bodyStreamed(fd.Body, resp)
				}
				return !at.IsValid()
			})
		}
	}
	return at
}

// bodyStreamed returns where body reads resp.Body as a stream, or NoPos.
func (c *checker) bodyStreamed(body *ast.BlockStmt, resp *types.Var) token.Pos {
	info := c.pass.TypesInfo
	isBody := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Body" && source.Used(info, sel.X) == resp
	}
	at := token.NoPos
	ast.Inspect(body, func(n ast.Node) bool {
		if at.IsValid() {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			// dec := json.NewDecoder(resp.Body), then a loop reads dec.
			if len(n.Rhs) != 1 || len(n.Lhs) != 1 {
				return true
			}
			call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || !isBody(call.Args[0]) {
				return true
			}
			fn, _ := apis.Callee(info, call)
			if fn == nil || fn.Pkg() == nil || !streamReaders[fn.Pkg().Path()+"."+fn.Name()] {
				return true
			}
			if id, ok := n.Lhs[0].(*ast.Ident); ok {
				if r, ok := info.ObjectOf(id).(*types.Var); ok && c.readInLoop(body, r) {
					at = call.Pos()
				}
			}
		case *ast.CallExpr:
			// io.Copy(w, resp.Body) to the handler's writer: a proxy.
			fn, _ := apis.Callee(info, n)
			if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "io" && (fn.Name() == "Copy" || fn.Name() == "CopyBuffer") &&
				len(n.Args) >= 2 && isBody(n.Args[1]) && responseWriter.Matches(info.TypeOf(n.Args[0])) {
				at = n.Pos()
			}
		}
		return true
	})
	return at
}

var responseWriter = apis.TypeRef{Pkg: "net/http", Name: "ResponseWriter"}

// readInLoop reports whether a loop in body calls a method of r.
func (c *checker) readInLoop(body *ast.BlockStmt, r *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		var loop ast.Node
		switch n := n.(type) {
		case *ast.ForStmt:
			loop = n
		case *ast.RangeStmt:
			loop = n
		default:
			return !found
		}
		ast.Inspect(loop, func(m ast.Node) bool {
			if sel, ok := m.(*ast.SelectorExpr); ok && source.Used(c.pass.TypesInfo, sel.X) == r {
				found = true
			}
			return !found
		})
		return false
	})
	return found
}

// dialsWithDeadlines reports whether the client literal's Transport is a
// literal whose DialContext (or Dial) sets deadlines on the connections it
// returns: every read and write is then bounded.
func dialsWithDeadlines(lit *ast.CompositeLit) bool {
	t := source.KeyedField(lit, "Transport")
	if u, ok := t.(*ast.UnaryExpr); ok {
		t = u.X
	}
	tl, ok := t.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, name := range []string{"DialContext", "Dial"} {
		fl, ok := source.KeyedField(tl, name).(*ast.FuncLit)
		if !ok {
			continue
		}
		found := false
		ast.Inspect(fl.Body, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "SetDeadline" || sel.Sel.Name == "SetReadDeadline") {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
