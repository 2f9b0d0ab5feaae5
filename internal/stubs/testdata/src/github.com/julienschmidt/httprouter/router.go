package httprouter

// Declarations of httprouter v1.3's router.go that the apis tables name.

import "net/http"

func (r *Router) HEAD(path string, handle Handle)                           {}
func (r *Router) OPTIONS(path string, handle Handle)                        {}
func (r *Router) PUT(path string, handle Handle)                            {}
func (r *Router) PATCH(path string, handle Handle)                          {}
func (r *Router) DELETE(path string, handle Handle)                         {}
func (r *Router) Handle(method, path string, handle Handle)                 {}
func (r *Router) Handler(method, path string, handler http.Handler)         {}
func (r *Router) HandlerFunc(method, path string, handler http.HandlerFunc) {}
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request)        {}
