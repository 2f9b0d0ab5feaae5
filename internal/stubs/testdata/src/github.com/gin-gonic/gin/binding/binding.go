// Package binding is a stub of github.com/gin-gonic/gin/binding.
package binding

import "net/http"

type Binding interface {
	Name() string
	Bind(*http.Request, any) error
}

type BindingBody interface {
	Binding
	BindBody([]byte, any) error
}
