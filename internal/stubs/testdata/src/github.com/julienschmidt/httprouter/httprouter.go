// Package httprouter is a stub of github.com/julienschmidt/httprouter.
package httprouter

import "net/http"

type Param struct{ Key, Value string }
type Params []Param

func (ps Params) ByName(name string) string { return "" }

type Handle func(http.ResponseWriter, *http.Request, Params)

type Router struct{}

func New() *Router                                { return &Router{} }
func (r *Router) GET(path string, handle Handle)  {}
func (r *Router) POST(path string, handle Handle) {}
