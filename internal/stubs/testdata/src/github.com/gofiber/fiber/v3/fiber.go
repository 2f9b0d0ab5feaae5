// Package fiber is a stub of github.com/gofiber/fiber/v3: Ctx is an
// interface (ctx_interface_gen.go) that satisfies context.Context
// itself; Context returns the context a middleware set.
package fiber

import (
	"context"
	"time"
)

type Ctx interface {
	Context() context.Context
	SetContext(ctx context.Context)
	Deadline() (time.Time, bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
	Status(status int) Ctx
	Params(key string, defaultValue ...string) string
	Query(key string, defaultValue ...string) string
	JSON(data any, ctype ...string) error
	SendStatus(status int) error
	SendString(body string) error
}

type Handler = func(Ctx) error

type Config struct {
	ReadTimeout time.Duration
}

type ListenConfig struct{}

type Router interface{}

type App struct{}

func New(config ...Config) *App                                       { return &App{} }
func (app *App) Get(path string, handler any, handlers ...any) Router { return nil }
func (app *App) Listen(addr string, config ...ListenConfig) error     { return nil }
