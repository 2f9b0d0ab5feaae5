package middleware

import "github.com/labstack/echo/v4"

// Declarations of echo v4.16's middleware (body_limit.go,
// middleware.go) that the apis tables name.

type Skipper func(c echo.Context) bool

type BodyLimitConfig struct {
	Skipper Skipper
	Limit   string
}

func BodyLimitWithConfig(config BodyLimitConfig) echo.MiddlewareFunc { return nil }
