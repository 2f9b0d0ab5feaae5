// Package ginapi serves the orders API with gin.
package ginapi

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"example.com/benchservice/internal/domain"
)

// Server holds the handlers' dependencies.
type Server struct{ Store domain.Store }

// Routes registers the handlers.
func (s *Server) Routes(r *gin.Engine) {
	r.GET("/users/:id", s.user)
	r.GET("/users/:id/orders", s.orders)
	r.GET("/orders", s.allOrders)
	r.POST("/orders", s.createOrder)
	r.PUT("/orders/:id/status", s.setStatus)
}

func (s *Server) user(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad id"})
		return
	}
	u, err := s.Store.GetUser(c.Request.Context(), id)
	if err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, u)
}

func (s *Server) orders(c *gin.Context) {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	var p domain.Page
	if err := c.ShouldBindQuery(&p); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	list, err := s.Store.ListOrders(c.Request.Context(), id, p)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"orders": list})
}

func (s *Server) allOrders(c *gin.Context) {
	list, err := s.Store.AllOrders(c.Request.Context())
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	for i := range list {
		items, err := s.Store.ItemsOf(c.Request.Context(), list[i].ID)
		if err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		list[i].Items = items
	}
	c.JSON(http.StatusOK, gin.H{"orders": list})
}

func (s *Server) createOrder(c *gin.Context) {
	var o domain.Order
	if err := c.ShouldBindJSON(&o); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if err := s.Store.CreateOrder(c.Request.Context(), &o); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, o)
}

func (s *Server) setStatus(c *gin.Context) {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	var body struct {
		Status string `json:"status"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if err := s.Store.SetStatus(c.Request.Context(), id, body.Status); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.Status(http.StatusNoContent)
}
