// Package router is a stub of github.com/fasthttp/router.
package router

import "github.com/valyala/fasthttp"

// Router routes requests to fasthttp handlers.
type Router struct{}

func New() *Router { return &Router{} }

func (r *Router) GET(path string, handler fasthttp.RequestHandler)     {}
func (r *Router) POST(path string, handler fasthttp.RequestHandler)    {}
func (r *Router) PUT(path string, handler fasthttp.RequestHandler)     {}
func (r *Router) PATCH(path string, handler fasthttp.RequestHandler)   {}
func (r *Router) DELETE(path string, handler fasthttp.RequestHandler)  {}
func (r *Router) HEAD(path string, handler fasthttp.RequestHandler)    {}
func (r *Router) OPTIONS(path string, handler fasthttp.RequestHandler) {}
func (r *Router) CONNECT(path string, handler fasthttp.RequestHandler) {}
func (r *Router) TRACE(path string, handler fasthttp.RequestHandler)   {}
func (r *Router) ANY(path string, handler fasthttp.RequestHandler)     {}

func (r *Router) Handle(method, path string, handler fasthttp.RequestHandler) {}

func (r *Router) Handler(ctx *fasthttp.RequestCtx) {}
