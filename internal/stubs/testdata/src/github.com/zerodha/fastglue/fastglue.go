// Package fastglue is a stub of github.com/zerodha/fastglue.
package fastglue

import "github.com/valyala/fasthttp"

// Request wraps fasthttp's RequestCtx for handlers.
type Request struct {
	RequestCtx *fasthttp.RequestCtx
	Context    any
}

// FastRequestHandler is a request handler.
type FastRequestHandler func(*Request) error

// Fastglue is the router.
type Fastglue struct{}

func New() *Fastglue { return &Fastglue{} }

func (f *Fastglue) GET(path string, h FastRequestHandler)     {}
func (f *Fastglue) POST(path string, h FastRequestHandler)    {}
func (f *Fastglue) PUT(path string, h FastRequestHandler)     {}
func (f *Fastglue) DELETE(path string, h FastRequestHandler)  {}
func (f *Fastglue) OPTIONS(path string, h FastRequestHandler) {}
func (f *Fastglue) HEAD(path string, h FastRequestHandler)    {}
func (f *Fastglue) Any(path string, h FastRequestHandler)     {}

func (r *Request) SendEnvelope(data any) error { return nil }

func (r *Request) SendErrorEnvelope(code int, msg string, data any, et string) error { return nil }

func (r *Request) Decode(v any, tag string) error { return nil }
