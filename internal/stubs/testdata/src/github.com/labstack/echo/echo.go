// Package echo is a stub of github.com/labstack/echo (v3.3, imported
// without a major version suffix): Context is an interface, as in v4.
// Signatures as published.
package echo

import "net/http"

type Response struct{}

func (r *Response) Header() http.Header         { return nil }
func (r *Response) Write(b []byte) (int, error) { return len(b), nil }
func (r *Response) WriteHeader(code int)        {}

type Context interface {
	Request() *http.Request
	Response() *Response
	Param(name string) string
	QueryParam(name string) string
	Bind(i interface{}) error
	JSON(code int, i interface{}) error
	String(code int, s string) error
	NoContent(code int) error
}

type Route struct{}

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Echo struct {
	Server *http.Server
}

type Group struct{}

func New() *Echo { return &Echo{Server: new(http.Server)} }

func (e *Echo) Start(address string) error                                     { return nil }
func (e *Echo) Use(middleware ...MiddlewareFunc)                               {}
func (e *Echo) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { return nil }
func (e *Echo) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { return nil }
func (e *Echo) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group                 { return &Group{} }
func (g *Group) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { return nil }
func (g *Group) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { return nil }
func (g *Group) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (g *Group) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
func (g *Group) Group(prefix string, m ...MiddlewareFunc) *Group { return &Group{} }
