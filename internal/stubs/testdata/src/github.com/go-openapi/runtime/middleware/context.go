// Package middleware is a stub of github.com/go-openapi/runtime/middleware.
package middleware

import (
	"net/http"

	"github.com/go-openapi/runtime"
)

type Responder interface {
	WriteResponse(http.ResponseWriter, runtime.Producer)
}

type ResponderFunc func(http.ResponseWriter, runtime.Producer)

func (fn ResponderFunc) WriteResponse(rw http.ResponseWriter, pr runtime.Producer) { fn(rw, pr) }

// MatchedRoute is the route a request matched, with its body's consumer.
type MatchedRoute struct {
	Consumer runtime.Consumer
}
