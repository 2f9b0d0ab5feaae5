// Package bunrouter is a stand-in for github.com/uptrace/bunrouter: the
// router, its groups and its handler and request types as published in
// v1.0.23.
package bunrouter

import (
	"context"
	"net/http"
)

type Params struct{}

func (ps Params) ByName(name string) string { return "" }

// Request is the request a handler receives: net/http's, embedded.
type Request struct {
	*http.Request
	params Params
}

func (req Request) WithContext(ctx context.Context) Request { return req }
func (req Request) Params() Params                          { return req.params }
func (req Request) Param(key string) string                 { return "" }
func (req Request) Route() string                           { return "" }

type HandlerFunc func(w http.ResponseWriter, req Request) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Group struct{}

func (g *Group) NewGroup(path string, opts ...GroupOption) *Group     { return g }
func (g *Group) Use(middlewares ...MiddlewareFunc) *Group             { return g }
func (g *Group) WithMiddleware(middleware MiddlewareFunc) *Group      { return g }
func (g *Group) WithGroup(path string, fn func(g *Group))             { fn(g) }
func (g *Group) Handle(meth string, path string, handler HandlerFunc) {}
func (g *Group) GET(path string, handler HandlerFunc)                 {}
func (g *Group) POST(path string, handler HandlerFunc)                {}
func (g *Group) PUT(path string, handler HandlerFunc)                 {}
func (g *Group) DELETE(path string, handler HandlerFunc)              {}
func (g *Group) PATCH(path string, handler HandlerFunc)               {}
func (g *Group) HEAD(path string, handler HandlerFunc)                {}
func (g *Group) OPTIONS(path string, handler HandlerFunc)             {}
func (g *Group) Compat() *CompatGroup                                 { return &CompatGroup{} }

type GroupOption interface{}

type Option interface{}

type Router struct {
	Group
}

func New(opts ...Option) *Router { return &Router{} }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

// CompatGroup registers net/http handlers.
type CompatGroup struct{}

func (g CompatGroup) Handle(method string, path string, handler http.HandlerFunc) {}
func (g CompatGroup) GET(path string, handler http.HandlerFunc)                   {}
func (g CompatGroup) POST(path string, handler http.HandlerFunc)                  {}
func (g CompatGroup) PUT(path string, handler http.HandlerFunc)                   {}
func (g CompatGroup) DELETE(path string, handler http.HandlerFunc)                {}
func (g CompatGroup) PATCH(path string, handler http.HandlerFunc)                 {}
