package source

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// Route is one registration of a handler with a router.
type Route struct {
	// Method is the HTTP method ("GET"), or "" when the registration
	// accepts any or does not say.
	Method string
	// Pattern is the path pattern ("/v1/stops/{id}").
	Pattern string
}

// registrars are the method names routers register handlers with
// (net/http, chi, gorilla/mux, gin, echo, fiber, httprouter).
var registrars = map[string]bool{
	"Handle": true, "HandleFunc": true, "Method": true, "MethodFunc": true, "Add": true, "Any": true, "Match": true,
	"Get": true, "Post": true, "Put": true, "Delete": true, "Patch": true, "Head": true, "Options": true,
	"GET": true, "POST": true, "PUT": true, "DELETE": true, "PATCH": true, "HEAD": true, "OPTIONS": true,
}

var httpMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "DELETE": true, "PATCH": true, "HEAD": true, "OPTIONS": true}

// Routes finds the routes files register handlers on, by handler: a
// *types.Func for declared handlers (functions and method values), the
// *ast.FuncLit for literals.
func Routes(info *types.Info, files []*ast.File) map[any][]Route {
	out := make(map[any][]Route)
	factories := returnedLiterals(info, files)
	for _, f := range files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || !registrars[sel.Sel.Name] {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || !registrars[id.Name] {
					return true
				}
			}
			r, root := RouteOf(info, call)
			if r.Pattern == "" && !root {
				return true
			}
			// gorilla/mux: r.HandleFunc("/x", h).Methods("POST").
			if len(stack) >= 3 && r.Method == "" {
				if outer, ok := stack[len(stack)-2].(*ast.SelectorExpr); ok && outer.Sel.Name == "Methods" {
					if mcall, ok := stack[len(stack)-3].(*ast.CallExpr); ok && len(mcall.Args) == 1 {
						if m, ok := stringConst(info, mcall.Args[0]); ok {
							r.Method = strings.ToUpper(m)
						}
					}
				}
			}
			for _, a := range call.Args {
				for _, h := range handlerRefs(info, a, factories) {
					out[h] = append(out[h], r)
				}
			}
			return true
		})
	}
	return out
}

// RouteOf reads the route a registration call registers: a pattern (a
// constant string with a '/'), and a method from the method's name
// (r.Get), a constant argument (chi's r.Method("GET", "/x", h)) or the
// pattern ("GET /x/{id}"). root reports a constant "" argument once the
// method is known: a group's own path (r.GET("", list)).
func RouteOf(info *types.Info, call *ast.CallExpr) (r Route, root bool) {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && httpMethods[strings.ToUpper(sel.Sel.Name)] {
		r.Method = strings.ToUpper(sel.Sel.Name)
	}
	for _, a := range call.Args {
		s, ok := stringConst(info, a)
		if !ok {
			continue
		}
		root = root || s == "" && r.Method != ""
		switch {
		case httpMethods[s] && r.Method == "":
			r.Method = s
		case strings.Contains(s, "/") && r.Pattern == "":
			r.Pattern = s
			if m, p, ok := strings.Cut(s, " "); ok && httpMethods[m] {
				r.Method, r.Pattern = m, strings.TrimSpace(p)
			}
		}
	}
	return r, root
}

// handlerRefs returns the handlers e refers to: a function or method
// value, a literal, or those inside wrapping calls (middleware(h),
// http.HandlerFunc(h)).
func handlerRefs(info *types.Info, e ast.Expr, factories map[*types.Func][]*ast.FuncLit) []any {
	var out []any
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			// A handler factory's call (s.list()): the handlers are the
			// literals it returns.
			if fn, ok := Used(info, n.Fun).(*types.Func); ok {
				for _, lit := range factories[fn.Origin()] {
					out = append(out, lit)
				}
			}
			// middleware(h), http.HandlerFunc(h): the handler is among
			// the arguments, not the function called.
			for _, a := range n.Args {
				out = append(out, handlerRefs(info, a, factories)...)
			}
			return false
		case *ast.FuncLit:
			out = append(out, n)
			return false
		case *ast.Ident:
			if fn, ok := info.Uses[n].(*types.Func); ok {
				out = append(out, fn.Origin())
			}
		case *ast.SelectorExpr:
			if fn, ok := info.Uses[n.Sel].(*types.Func); ok {
				out = append(out, fn.Origin())
				return false
			}
		}
		return true
	})
	return out
}

// returnedLiterals returns, for each function of files that returns a
// function, the function literals its own return statements give.
func returnedLiterals(info *types.Info, files []*ast.File) map[*types.Func][]*ast.FuncLit {
	out := make(map[*types.Func][]*ast.FuncLit)
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Type.Results == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // its returns are its own
				case *ast.ReturnStmt:
					// return func(w, r) {...}, or wrapped:
					// http.HandlerFunc(func(w, r) {...}).
					for _, r := range n.Results {
						ast.Inspect(r, func(n ast.Node) bool {
							if lit, ok := n.(*ast.FuncLit); ok {
								out[fn] = append(out[fn], lit)
								return false
							}
							return true
						})
					}
				}
				return true
			})
		}
	}
	return out
}

func stringConst(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// EntityPattern reports whether a route pattern addresses one entity: its
// last segment is a parameter (/stops/{id}, /stops/:id), unless the
// segment before it says it lists things for that parameter
// (/problem-reports-for-stop/{id}).
func EntityPattern(pattern string) bool {
	segs := strings.Split(strings.Trim(pattern, "/"), "/")
	last := segs[len(segs)-1]
	if last == "{$}" || !strings.HasPrefix(last, "{") && !strings.HasPrefix(last, ":") {
		return false // {$} anchors the end of a path, it is no parameter
	}
	if len(segs) > 1 {
		prev := strings.ToLower(segs[len(segs)-2])
		for _, sep := range []string{"-for-", "_for_", "-by-", "_by_"} {
			if strings.Contains(prev, sep) {
				return false
			}
		}
	}
	return true
}

// IsHTTPMethod reports whether s is an HTTP method in upper case.
func IsHTTPMethod(s string) bool { return httpMethods[s] }
