// Package mux is a stub of github.com/gorilla/mux (v1.8, mux.go and
// route.go): the routing API with its published signatures.
package mux

import "net/http"

type Router struct{}

type Route struct{}

func NewRouter() *Router { return &Router{} }

func Vars(r *http.Request) map[string]string { return nil }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (r *Router) Handle(path string, handler http.Handler) *Route    { return &Route{} }
func (r *Router) HandleFunc(path string, f func(http.ResponseWriter,
	*http.Request)) *Route {
	return &Route{}
}
func (r *Router) Methods(methods ...string) *Route { return &Route{} }
func (r *Router) PathPrefix(tpl string) *Route     { return &Route{} }

// WalkFunc is the type of the function called for each route visited by Walk.
type WalkFunc func(route *Route, router *Router, ancestors []*Route) error

func (r *Router) Walk(walkFn WalkFunc) error { return nil }

func (r *Route) GetHandler() http.Handler                                      { return nil }
func (r *Route) Handler(handler http.Handler) *Route                           { return r }
func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route { return r }
func (r *Route) Methods(methods ...string) *Route                              { return r }
func (r *Route) Subrouter() *Router                                            { return &Router{} }
