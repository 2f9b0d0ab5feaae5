// Package limit holds a middleware that caps the request body of the
// routes it is given to.
package limit

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type FileSize struct{}

func (FileSize) Add(max int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, max)
		c.Next()
	}
}
