// Package macaron is a stub of github.com/go-macaron/macaron (v1.5; context.go,
// macaron.go, router.go): types and signatures as published.
package macaron

import "net/http"

type Handler interface{}

type Request struct {
	*http.Request
}

type ResponseWriter interface {
	http.ResponseWriter
	Status() int
}

type Context struct {
	Req  Request
	Resp ResponseWriter
	Data map[string]interface{}
}

func (ctx *Context) Query(name string) string             { return "" }
func (ctx *Context) Params(name string) string            { return "" }
func (ctx *Context) JSON(status int, obj interface{})     {}
func (ctx *Context) Error(status int, contents ...string) {}

type Route struct{}

type Router struct{}

func (r *Router) Get(pattern string, h ...Handler) (leaf *Route)             { return nil }
func (r *Router) Patch(pattern string, h ...Handler) *Route                  { return nil }
func (r *Router) Post(pattern string, h ...Handler) *Route                   { return nil }
func (r *Router) Put(pattern string, h ...Handler) *Route                    { return nil }
func (r *Router) Delete(pattern string, h ...Handler) *Route                 { return nil }
func (r *Router) Options(pattern string, h ...Handler) *Route                { return nil }
func (r *Router) Head(pattern string, h ...Handler) *Route                   { return nil }
func (r *Router) Any(pattern string, h ...Handler) *Route                    { return nil }
func (r *Router) Route(pattern, methods string, h ...Handler) (route *Route) { return nil }
func (r *Router) Combo(pattern string, h ...Handler) *ComboRouter            { return &ComboRouter{} }
func (r *Router) Group(pattern string, fn func(), h ...Handler)              {}

type ComboRouter struct{}

func (cr *ComboRouter) Get(h ...Handler) *ComboRouter     { return cr }
func (cr *ComboRouter) Patch(h ...Handler) *ComboRouter   { return cr }
func (cr *ComboRouter) Post(h ...Handler) *ComboRouter    { return cr }
func (cr *ComboRouter) Put(h ...Handler) *ComboRouter     { return cr }
func (cr *ComboRouter) Delete(h ...Handler) *ComboRouter  { return cr }
func (cr *ComboRouter) Options(h ...Handler) *ComboRouter { return cr }
func (cr *ComboRouter) Head(h ...Handler) *ComboRouter    { return cr }

type Macaron struct {
	*Router
}

func New() *Macaron     { return &Macaron{Router: &Router{}} }
func Classic() *Macaron { return New() }

func (m *Macaron) ServeHTTP(rw http.ResponseWriter, req *http.Request) {}
func (m *Macaron) Run(args ...interface{})                             {}
