package gin

// Declarations of gin v1.12's context.go that the apis tables name.

import "github.com/gin-gonic/gin/binding"

func (c *Context) QueryArray(key string) (values []string) { return nil }
func (c *Context) BindQuery(obj any) error                 { return nil }
func (c *Context) ShouldBindBodyWith(obj any, bb binding.BindingBody) (err error) {
	return nil
}
