// Package echo is a stub of github.com/labstack/echo/v5 (v5.3): Context
// is a struct, handlers take *Context, registrations return RouteInfo.
// Signatures as published.
package echo

import "net/http"

type Context struct{}

func (c *Context) Request() *http.Request                { return nil }
func (c *Context) Response() http.ResponseWriter         { return nil }
func (c *Context) Param(name string) string              { return "" }
func (c *Context) QueryParam(name string) string         { return "" }
func (c *Context) Bind(i any) error                      { return nil }
func (c *Context) JSON(code int, i any) (err error)      { return nil }
func (c *Context) String(code int, s string) (err error) { return nil }
func (c *Context) NoContent(code int) error              { return nil }

type RouteInfo struct{}

type Routes []RouteInfo

type HandlerFunc func(c *Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Echo struct {
	Server *http.Server
}

type Group struct{}

func New() *Echo { return &Echo{Server: new(http.Server)} }

func (e *Echo) Start(address string) error                                        { return nil }
func (e *Echo) Use(middleware ...MiddlewareFunc)                                  {}
func (e *Echo) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { return RouteInfo{} }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo     { return RouteInfo{} }
func (e *Echo) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (e *Echo) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { return RouteInfo{} }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo     { return RouteInfo{} }
func (e *Echo) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { return RouteInfo{} }
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) Routes {
	return nil
}
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group { return &Group{} }
func (g *Group) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (g *Group) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { return RouteInfo{} }
func (g *Group) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { return RouteInfo{} }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { return RouteInfo{} }
func (g *Group) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (g *Group) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) Routes {
	return nil
}
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	return RouteInfo{}
}
func (g *Group) Group(prefix string, m ...MiddlewareFunc) *Group { return &Group{} }
