// Package echoapi serves the admin API with echo.
package echoapi

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"example.com/benchservice/internal/domain"
)

// Admin holds the handlers' dependencies.
type Admin struct{ Store domain.Store }

// Register adds the admin routes to e.
func (a *Admin) Register(e *echo.Echo) {
	e.Use(middleware.BodyLimit("1M"), middleware.Recover())
	g := e.Group("/admin")
	g.GET("/users/:id", a.user)
	g.GET("/orders", a.orders)
	g.POST("/orders/:id/cancel", a.cancel)
}

func (a *Admin) user(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "bad id")
	}
	u, err := a.Store.GetUser(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}

func (a *Admin) orders(c echo.Context) error {
	var p domain.Page
	if err := c.Bind(&p); err != nil {
		return err
	}
	list, err := a.Store.ListOrders(c.Request().Context(), 0, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"orders": list})
}

func (a *Admin) cancel(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "bad id")
	}
	return a.Store.SetStatus(c.Request().Context(), id, "cancelled")
}
