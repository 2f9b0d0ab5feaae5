// Package fasthttp is a stub of github.com/valyala/fasthttp.
package fasthttp

import "time"

// RequestCtx is the request and its response; it is a context.Context
// whose Done is closed when the server shuts down.
type RequestCtx struct{}

func (ctx *RequestCtx) Deadline() (time.Time, bool)       { return time.Time{}, false }
func (ctx *RequestCtx) Done() <-chan struct{}             { return nil }
func (ctx *RequestCtx) Err() error                        { return nil }
func (ctx *RequestCtx) Value(key any) any                 { return nil }
func (ctx *RequestCtx) PostBody() []byte                  { return nil }
func (ctx *RequestCtx) QueryArgs() *Args                  { return &Args{} }
func (ctx *RequestCtx) SetBody(b []byte)                  {}
func (ctx *RequestCtx) SetStatusCode(code int)            {}
func (ctx *RequestCtx) UserValue(key any) any             { return nil }
func (ctx *RequestCtx) Write(p []byte) (int, error)       { return len(p), nil }
func (ctx *RequestCtx) SetContentType(contentType string) {}

// Args are query or form arguments.
type Args struct{}

func (a *Args) Peek(key string) []byte { return nil }

// RequestHandler serves a request.
type RequestHandler func(ctx *RequestCtx)

// Server serves requests; MaxRequestBodySize defaults to 4 MiB.
type Server struct {
	Handler            RequestHandler
	MaxRequestBodySize int
	ReadTimeout        time.Duration
	WriteTimeout       time.Duration
}

func (s *Server) ListenAndServe(addr string) error { return nil }
