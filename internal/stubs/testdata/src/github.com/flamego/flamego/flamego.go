// Package flamego is a stub of github.com/flamego/flamego (v1.12;
// context.go, request.go, router.go, flame.go): types and signatures as
// published, Context keeping a few of its methods.
package flamego

import "net/http"

type Handler interface{}

type Request struct {
	*http.Request
}

type ResponseWriter interface {
	http.ResponseWriter
	Status() int
}

type Context interface {
	ResponseWriter() ResponseWriter
	Request() *Request
	Param(name string) string
	Query(name string, defaultVal ...string) string
	Next()
}

type Route struct{}

type ComboRoute struct{}

type Router interface {
	Route(method, routePath string, handlers []Handler) *Route
	Combo(routePath string, handlers ...Handler) *ComboRoute
	Group(routePath string, fn func(), handlers ...Handler)
	Get(routePath string, handlers ...Handler) *Route
	Patch(routePath string, handlers ...Handler) *Route
	Post(routePath string, handlers ...Handler) *Route
	Put(routePath string, handlers ...Handler) *Route
	Delete(routePath string, handlers ...Handler) *Route
	Options(routePath string, handlers ...Handler) *Route
	Head(routePath string, handlers ...Handler) *Route
	Connect(routePath string, handlers ...Handler) *Route
	Trace(routePath string, handlers ...Handler) *Route
	Any(routePath string, handlers ...Handler) *Route
	Routes(routePath, methods string, handlers ...Handler) *Route
	ServeHTTP(w http.ResponseWriter, req *http.Request)
}

type Flame struct {
	Router
}

func New() *Flame     { return &Flame{} }
func Classic() *Flame { return New() }

func (f *Flame) Run(args ...interface{}) {}
