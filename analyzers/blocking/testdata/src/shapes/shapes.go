// Package shapes holds handlers in the shapes real services write them,
// found by signature, adapters, factories and registration, beside
// look-alikes that are not handlers.
package shapes

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/go-kit/kit/endpoint"
	"github.com/go-macaron/macaron"
	"github.com/go-openapi/runtime/middleware"
)

// The request before the writer, with extra parameters and a result:
// still a handler.
func withExtras(r *http.Request, verbose bool, w http.ResponseWriter) error {
	time.Sleep(time.Second) // want `request handler withExtras sleeps`
	return nil
}

// A gin helper that takes the context with other arguments is not a
// handler: the handler that calls it is.
func bind(c *gin.Context, v any) bool {
	time.Sleep(time.Second)
	return c.ShouldBindJSON(v) == nil
}

func create(c *gin.Context) {
	var v struct{ Name string }
	if !bind(c, &v) { // want `request handler create sleeps: time.Sleep \(shapes.go:29\), reached through shapes.bind`
		return
	}
}

// The classic adapter type: its ServeHTTP calls the function converted
// to it.
type appHandler func(w http.ResponseWriter, r *http.Request) error

func (fn appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := fn(w, r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func index(w http.ResponseWriter, r *http.Request) error {
	time.Sleep(time.Second) // want `request handler index sleeps`
	return nil
}

// An adapter method: the wrapped function takes only the request.
type App struct{}

func (a *App) api(fn func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := fn(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(v)
	}
}

func users(r *http.Request) (any, error) {
	time.Sleep(time.Second) // want `request handler users sleeps`
	return nil, nil
}

// Look-alike: the same signature, never wrapped nor registered.
func report(r *http.Request) (any, error) {
	time.Sleep(time.Second)
	return nil, nil
}

func routes(a *App) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", appHandler(index))
	mux.HandleFunc("/users", a.api(users))
	r := chi.NewRouter()
	r.Get("/inline", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(time.Second) // want `request handler routes \(func literal\) sleeps`
	})
	report(nil)
	return mux
}

// A go-kit endpoint made by a factory: its closure runs per request.
func makeListEndpoint() endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		time.Sleep(time.Second) // want `request handler makeListEndpoint \(func literal\) sleeps`
		return nil, nil
	}
}

// Look-alike: a closure of the same signature that is not an endpoint.
func makeWorker() func(ctx context.Context, request interface{}) (interface{}, error) {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		time.Sleep(time.Second)
		return nil, nil
	}
}

// A service's own context around macaron's.
type Context struct {
	*macaron.Context
	User string
}

func home(c *Context) {
	time.Sleep(time.Second) // want `request handler home sleeps`
}

// go-swagger: a function of the parameters returning a Responder.
type GetItemParams struct {
	HTTPRequest *http.Request
	ID          int64
}

func getItem(params GetItemParams) middleware.Responder {
	time.Sleep(time.Second) // want `request handler getItem sleeps`
	return nil
}
