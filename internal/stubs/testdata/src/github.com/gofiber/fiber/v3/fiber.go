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

// Router, App and Group as in router.go, app.go and group.go: handlers
// are of type any, the first one required.
type Router interface {
	Get(path string, handler any, handlers ...any) Router
	Head(path string, handler any, handlers ...any) Router
	Post(path string, handler any, handlers ...any) Router
	Put(path string, handler any, handlers ...any) Router
	Delete(path string, handler any, handlers ...any) Router
	Connect(path string, handler any, handlers ...any) Router
	Options(path string, handler any, handlers ...any) Router
	Trace(path string, handler any, handlers ...any) Router
	Patch(path string, handler any, handlers ...any) Router
	Add(methods []string, path string, handler any, handlers ...any) Router
	All(path string, handler any, handlers ...any) Router
	Group(prefix string, handlers ...any) Router
}

type App struct{}

type Group struct{}

// Route describes a registered route (router.go); it registers nothing.
type Route struct {
	Method string
	Path   string
}

func New(config ...Config) *App { return &App{} }

func (app *App) Listen(addr string, config ...ListenConfig) error { return nil }

func (app *App) Get(path string, handler any, handlers ...any) Router                   { return nil }
func (app *App) Head(path string, handler any, handlers ...any) Router                  { return nil }
func (app *App) Post(path string, handler any, handlers ...any) Router                  { return nil }
func (app *App) Put(path string, handler any, handlers ...any) Router                   { return nil }
func (app *App) Delete(path string, handler any, handlers ...any) Router                { return nil }
func (app *App) Connect(path string, handler any, handlers ...any) Router               { return nil }
func (app *App) Options(path string, handler any, handlers ...any) Router               { return nil }
func (app *App) Trace(path string, handler any, handlers ...any) Router                 { return nil }
func (app *App) Patch(path string, handler any, handlers ...any) Router                 { return nil }
func (app *App) Add(methods []string, path string, handler any, handlers ...any) Router { return nil }
func (app *App) All(path string, handler any, handlers ...any) Router                   { return nil }
func (app *App) Group(prefix string, handlers ...any) Router                            { return nil }

func (grp *Group) Get(path string, handler any, handlers ...any) Router                   { return nil }
func (grp *Group) Head(path string, handler any, handlers ...any) Router                  { return nil }
func (grp *Group) Post(path string, handler any, handlers ...any) Router                  { return nil }
func (grp *Group) Put(path string, handler any, handlers ...any) Router                   { return nil }
func (grp *Group) Delete(path string, handler any, handlers ...any) Router                { return nil }
func (grp *Group) Connect(path string, handler any, handlers ...any) Router               { return nil }
func (grp *Group) Options(path string, handler any, handlers ...any) Router               { return nil }
func (grp *Group) Trace(path string, handler any, handlers ...any) Router                 { return nil }
func (grp *Group) Patch(path string, handler any, handlers ...any) Router                 { return nil }
func (grp *Group) Add(methods []string, path string, handler any, handlers ...any) Router { return nil }
func (grp *Group) All(path string, handler any, handlers ...any) Router                   { return nil }
func (grp *Group) Group(prefix string, handlers ...any) Router                            { return nil }
