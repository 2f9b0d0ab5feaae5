// Package chi is a stub of github.com/go-chi/chi (v1.5, the last version
// before v5; chi.go, mux.go, context.go): the routing API with its published signatures,
// Router keeping the registration methods.
package chi

import "net/http"

type Router interface {
	http.Handler
	Use(middlewares ...func(http.Handler) http.Handler)
	With(middlewares ...func(http.Handler) http.Handler) Router
	Group(fn func(r Router)) Router
	Route(pattern string, fn func(r Router)) Router
	Mount(pattern string, h http.Handler)
	Handle(pattern string, h http.Handler)
	HandleFunc(pattern string, h http.HandlerFunc)
	Method(method, pattern string, h http.Handler)
	MethodFunc(method, pattern string, h http.HandlerFunc)
	Connect(pattern string, h http.HandlerFunc)
	Delete(pattern string, h http.HandlerFunc)
	Get(pattern string, h http.HandlerFunc)
	Head(pattern string, h http.HandlerFunc)
	Options(pattern string, h http.HandlerFunc)
	Patch(pattern string, h http.HandlerFunc)
	Post(pattern string, h http.HandlerFunc)
	Put(pattern string, h http.HandlerFunc)
	Trace(pattern string, h http.HandlerFunc)
}

// Routes describes a router's routes (chi.go); registering is Router's.
type Routes interface {
	Middlewares() Middlewares
}

type Middlewares []func(http.Handler) http.Handler

type Mux struct{}

func NewRouter() *Mux { return &Mux{} }

func URLParam(r *http.Request, key string) string { return "" }

func (mx *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request)           {}
func (mx *Mux) Use(middlewares ...func(http.Handler) http.Handler)         {}
func (mx *Mux) With(middlewares ...func(http.Handler) http.Handler) Router { return mx }
func (mx *Mux) Group(fn func(r Router)) Router                             { return mx }
func (mx *Mux) Route(pattern string, fn func(r Router)) Router             { return mx }
func (mx *Mux) Mount(pattern string, handler http.Handler)                 {}
func (mx *Mux) Handle(pattern string, handler http.Handler)                {}
func (mx *Mux) HandleFunc(pattern string, handlerFn http.HandlerFunc)      {}
func (mx *Mux) Method(method, pattern string, handler http.Handler)        {}
func (mx *Mux) MethodFunc(method, pattern string, handlerFn http.HandlerFunc) {
}
func (mx *Mux) Middlewares() Middlewares                           { return nil }
func (mx *Mux) Connect(pattern string, handlerFn http.HandlerFunc) {}
func (mx *Mux) Trace(pattern string, handlerFn http.HandlerFunc)   {}
func (mx *Mux) Delete(pattern string, handlerFn http.HandlerFunc)  {}
func (mx *Mux) Get(pattern string, handlerFn http.HandlerFunc)     {}
func (mx *Mux) Head(pattern string, handlerFn http.HandlerFunc)    {}
func (mx *Mux) Options(pattern string, handlerFn http.HandlerFunc) {}
func (mx *Mux) Patch(pattern string, handlerFn http.HandlerFunc)   {}
func (mx *Mux) Post(pattern string, handlerFn http.HandlerFunc)    {}
func (mx *Mux) Put(pattern string, handlerFn http.HandlerFunc)     {}
