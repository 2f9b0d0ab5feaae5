// Package echo is a stub of github.com/labstack/echo/v4 for analyzer tests.
package echo

import "net/http"

type Context interface {
	Request() *http.Request
	Response() http.ResponseWriter
	QueryParam(name string) string
	Param(name string) string
	Bind(i interface{}) error
	JSON(code int, i interface{}) error
	String(code int, s string) error
	NoContent(code int) error
}

type HandlerFunc func(c Context) error
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Route struct{}

type Echo struct {
	Server    *http.Server
	TLSServer *http.Server
}

func New() *Echo                                                            { return &Echo{Server: new(http.Server), TLSServer: new(http.Server)} }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Use(middleware ...MiddlewareFunc)                            {}
func (e *Echo) Start(address string) error                                  { return nil }
func (e *Echo) StartTLS(address string, certFile, keyFile interface{}) error {
	return nil
}
func (e *Echo) StartServer(s *http.Server) error { return nil }
