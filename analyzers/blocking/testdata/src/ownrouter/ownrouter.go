// Package ownrouter routes requests with a router of its own, declared
// in .apilint.yml (apis.handlers), as is its request type.
package ownrouter

import "time"

// Ctx is the service's request type.
type Ctx struct{ Path string }

// Router registers pages.
type Router struct{}

func (r *Router) Page(path string, h func(title string) string) {}

func home(title string) string {
	time.Sleep(time.Second) // want `request handler home sleeps`
	return title
}

// Look-alike: the same signature, not registered.
func footer(title string) string {
	time.Sleep(time.Second)
	return title
}

// A function taking the declared request type is a handler.
func show(c *Ctx) {
	time.Sleep(time.Second) // want `request handler show sleeps`
}

func Routes(r *Router) {
	r.Page("/", home)
	_ = footer("x")
}
