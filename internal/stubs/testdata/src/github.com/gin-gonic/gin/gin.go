// Package gin is a stub of github.com/gin-gonic/gin for analyzer tests.
package gin

import (
	"context"
	"net"
	"net/http"
	"time"
)

type H map[string]any

type HandlerFunc func(*Context)

type Context struct {
	Request *http.Request
	Writer  http.ResponseWriter
}

func (c *Context) Query(key string) string                       { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string  { return defaultValue }
func (c *Context) GetQuery(key string) (string, bool)            { return "", false }
func (c *Context) Param(key string) string                       { return "" }
func (c *Context) JSON(code int, obj any)                        {}
func (c *Context) String(code int, format string, values ...any) {}
func (c *Context) Status(code int)                               {}
func (c *Context) AbortWithStatus(code int)                      {}
func (c *Context) AbortWithError(code int, err error) error      { return err }
func (c *Context) ShouldBindJSON(obj any) error                  { return nil }
func (c *Context) BindJSON(obj any) error                        { return nil }
func (c *Context) ShouldBind(obj any) error                      { return nil }
func (c *Context) Bind(obj any) error                            { return nil }
func (c *Context) ShouldBindQuery(obj any) error                 { return nil }
func (c *Context) GetRawData() ([]byte, error)                   { return nil, nil }
func (c *Context) Next()                                         {}

// Context implements context.Context, as the real one does.
func (c *Context) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *Context) Done() <-chan struct{}       { return nil }
func (c *Context) Err() error                  { return nil }
func (c *Context) Value(key any) any           { return nil }

var _ context.Context = (*Context)(nil)

type RouterGroup struct{}

func (g *RouterGroup) GET(path string, handlers ...HandlerFunc)    {}
func (g *RouterGroup) POST(path string, handlers ...HandlerFunc)   {}
func (g *RouterGroup) PUT(path string, handlers ...HandlerFunc)    {}
func (g *RouterGroup) DELETE(path string, handlers ...HandlerFunc) {}
func (g *RouterGroup) Group(path string, handlers ...HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) Use(handlers ...HandlerFunc) {}

type Engine struct {
	RouterGroup
	MaxMultipartMemory int64
}

func New() *Engine                                                 { return &Engine{} }
func Default() *Engine                                             { return &Engine{} }
func (e *Engine) Run(addr ...string) error                         { return nil }
func (e *Engine) RunTLS(addr, certFile, keyFile string) error      { return nil }
func (e *Engine) RunListener(listener net.Listener) error          { return nil }
func (e *Engine) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
