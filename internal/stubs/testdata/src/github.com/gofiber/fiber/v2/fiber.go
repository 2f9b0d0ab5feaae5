// Package fiber is a stub of github.com/gofiber/fiber/v2 for analyzer tests.
package fiber

import (
	"context"
	"time"
)

type Map map[string]interface{}

type Handler = func(*Ctx) error

type Config struct {
	BodyLimit    int
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

type Ctx struct{}

func (c *Ctx) Query(key string, defaultValue ...string) string { return "" }
func (c *Ctx) QueryInt(key string, defaultValue ...int) int    { return 0 }
func (c *Ctx) Params(key string, defaultValue ...string) string {
	return ""
}
func (c *Ctx) JSON(data interface{}) error        { return nil }
func (c *Ctx) SendString(body string) error       { return nil }
func (c *Ctx) SendStatus(status int) error        { return nil }
func (c *Ctx) BodyParser(out interface{}) error   { return nil }
func (c *Ctx) Body() []byte                       { return nil }
func (c *Ctx) UserContext() context.Context       { return context.Background() }
func (c *Ctx) SetUserContext(ctx context.Context) {}
func (c *Ctx) Status(status int) *Ctx             { return c }
func (c *Ctx) Next() error                        { return nil }

type Router interface{}

type App struct{}

func New(config ...Config) *App                             { return &App{} }
func (a *App) Get(path string, handlers ...Handler) Router  { return nil }
func (a *App) Post(path string, handlers ...Handler) Router { return nil }
func (a *App) Listen(addr string) error                     { return nil }
