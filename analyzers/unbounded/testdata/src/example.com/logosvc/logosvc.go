// Package logosvc caps the body of one route with another package's
// middleware, given to that route only: its other routes stay uncapped.
package logosvc

import (
	"github.com/gin-gonic/gin"

	"example.com/logosvc/limit"
)

type client struct{ Name string }

func uploadLogo(c *gin.Context) {
	var v client
	c.ShouldBindJSON(&v)
}

func createClient(c *gin.Context) {
	var v client
	c.ShouldBindJSON(&v) // want `request handler createClient reads the whole request body`
}

func Routes(g *gin.RouterGroup, lim limit.FileSize) {
	g.POST("/clients/:id/logo", lim.Add(2<<20), uploadLogo)
	g.POST("/clients", createClient)
}
