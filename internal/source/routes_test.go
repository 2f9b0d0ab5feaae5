package source_test

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/source"
)

const routesSrc = `package routes

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

type server struct{}

func (s *server) list(w http.ResponseWriter, r *http.Request) {}

func getStop(w http.ResponseWriter, r *http.Request)    {}
func listStops(w http.ResponseWriter, r *http.Request)  {}
func legacy(w http.ResponseWriter, r *http.Request)     {}
func wrapped(w http.ResponseWriter, r *http.Request)    {}
func chiGet(w http.ResponseWriter, r *http.Request)     {}
func chiMethod(w http.ResponseWriter, r *http.Request)  {}
func chiConst(w http.ResponseWriter, r *http.Request)   {}
func muxPost(w http.ResponseWriter, r *http.Request)    {}
func muxLower(w http.ResponseWriter, r *http.Request)   {}
func muxPlain(w http.ResponseWriter, r *http.Request)   {}
func ginGet(c *gin.Context)                             {}
func ginHandle(c *gin.Context)                          {}
func echoGet(c echo.Context) error                      { return nil }
func fiberGet(c *fiber.Ctx) error                       { return nil }
func twice(w http.ResponseWriter, r *http.Request)      {}
func unrouted(w http.ResponseWriter, r *http.Request)   {}
func dynamic(w http.ResponseWriter, r *http.Request)    {}

const prefix = "/v1"

func routes(s *server, path string) {
	m := http.NewServeMux()
	m.HandleFunc("GET /stops/{id}", getStop)
	m.HandleFunc("GET  /stops", listStops)
	m.HandleFunc("/legacy", legacy)
	m.Handle("POST /wrapped", http.HandlerFunc(wrapped))
	m.HandleFunc("GET /servers", s.list)
	m.HandleFunc("DELETE "+prefix+"/lit/{id}", func(w http.ResponseWriter, r *http.Request) {})
	m.HandleFunc("GET /twice/a", twice)
	m.HandleFunc("PUT /twice/b", twice)
	m.HandleFunc(path, dynamic)

	r := chi.NewRouter()
	r.Get("/chi/{id}", chiGet)
	r.Method("PATCH", "/chi/method", http.HandlerFunc(chiMethod))
	r.MethodFunc(http.MethodDelete, "/chi/const", chiConst)

	g := mux.NewRouter()
	g.HandleFunc("/mux/{id}", muxPost).Methods("POST")
	g.HandleFunc("/mux/lower", muxLower).Methods("put")
	g.HandleFunc("/mux/plain", muxPlain)

	e := gin.New()
	e.GET("/gin/:id", ginGet)
	e.POST("/gin/post", ginHandle)

	ec := echo.New()
	ec.GET("/echo/:id", echoGet)

	app := fiber.New()
	app.Get("/fiber/:id", fiberGet)

	unrouted(nil, nil)
}
`

func TestRoutes(t *testing.T) {
	c := check(t, "example.com/routes", "routes.go", routesSrc)
	routes := source.Routes(c.info, c.files)
	fn := func(name string) any {
		if obj, ok := c.pkg.Scope().Lookup(name).(*types.Func); ok {
			return obj
		}
		if name == "list" {
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(c.pkg.Scope().Lookup("server").Type()), true, c.pkg, "list")
			return obj
		}
		t.Fatalf("no func %s", name)
		return nil
	}
	for _, tc := range []struct {
		handler string
		want    []source.Route
	}{
		{"getStop", []source.Route{{Method: "GET", Pattern: "/stops/{id}"}}},
		{"listStops", []source.Route{{Method: "GET", Pattern: "/stops"}}},
		{"legacy", []source.Route{{Pattern: "/legacy"}}},
		{"wrapped", []source.Route{{Method: "POST", Pattern: "/wrapped"}}},
		{"list", []source.Route{{Method: "GET", Pattern: "/servers"}}},
		{"twice", []source.Route{{Method: "GET", Pattern: "/twice/a"}, {Method: "PUT", Pattern: "/twice/b"}}},
		{"chiGet", []source.Route{{Method: "GET", Pattern: "/chi/{id}"}}},
		{"chiMethod", []source.Route{{Method: "PATCH", Pattern: "/chi/method"}}},
		{"chiConst", []source.Route{{Method: "DELETE", Pattern: "/chi/const"}}},
		{"muxPost", []source.Route{{Method: "POST", Pattern: "/mux/{id}"}}},
		{"muxLower", []source.Route{{Method: "PUT", Pattern: "/mux/lower"}}},
		{"muxPlain", []source.Route{{Pattern: "/mux/plain"}}},
		{"ginGet", []source.Route{{Method: "GET", Pattern: "/gin/:id"}}},
		{"ginHandle", []source.Route{{Method: "POST", Pattern: "/gin/post"}}},
		{"echoGet", []source.Route{{Method: "GET", Pattern: "/echo/:id"}}},
		{"fiberGet", []source.Route{{Method: "GET", Pattern: "/fiber/:id"}}},
		{"unrouted", nil},
		{"dynamic", nil}, // the pattern is not a constant
	} {
		if got := routes[fn(tc.handler)]; !slices.Equal(got, tc.want) {
			t.Errorf("Routes[%s] = %v, want %v", tc.handler, got, tc.want)
		}
	}

	// The literal is keyed by its node.
	var lit *ast.FuncLit
	ast.Inspect(c.file("routes.go"), func(n ast.Node) bool {
		if l, ok := n.(*ast.FuncLit); ok && lit == nil {
			lit = l
		}
		return true
	})
	if got, want := routes[lit], []source.Route{{Method: "DELETE", Pattern: "/v1/lit/{id}"}}; !slices.Equal(got, want) {
		t.Errorf("Routes[func literal] = %v, want %v", got, want)
	}
}

// TestBugRoutesMiddlewareIsNotAHandler: handlerRefs looks for handlers
// inside wrapping calls (middleware(h)), but also takes the wrapping
// function itself for a handler: a middleware gets the routes of every
// handler it wraps.
func TestBugRoutesMiddlewareIsNotAHandler(t *testing.T) {
	src := `package mw

import "net/http"

func logged(next http.Handler) http.Handler { return next }

func h(w http.ResponseWriter, r *http.Request) {}

func routes(m *http.ServeMux) {
	m.Handle("GET /x", logged(http.HandlerFunc(h)))
}
`
	c := check(t, "example.com/mw", "mw.go", src)
	routes := source.Routes(c.info, c.files)
	if got := routes[c.pkg.Scope().Lookup("h")]; len(got) != 1 {
		t.Errorf("Routes[h] = %v, want the route", got)
	}
	if got := routes[c.pkg.Scope().Lookup("logged")]; got != nil {
		t.Errorf("Routes[logged] = %v, want none: the middleware is not the handler", got)
	}
}

func TestEntityPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    bool
	}{
		{"/stops/{id}", true},
		{"/stops/:id", true},
		{"/v1/users/{userID}/orders/{orderID}", true},
		{"/stops/{id}/", true},
		{"{id}", true},
		{"/stops", false},
		{"/stops/", false},
		{"/users/{id}/orders", false},
		{"/problem-reports-for-stop/{id}", false},
		{"/orders_for_user/{id}", false},
		{"/Orders-By-User/{id}", false},
		{"/orders_by_user/:id", false},
		{"/", false},
		{"", false},
	} {
		if got := source.EntityPattern(tc.pattern); got != tc.want {
			t.Errorf("EntityPattern(%q) = %v, want %v", tc.pattern, got, tc.want)
		}
	}
}

// TestBugEntityPatternExactMatch: in net/http patterns (Go 1.22), {$}
// matches the end of the path, not a segment: "GET /stops/{$}" is the
// list of stops, not one stop.
func TestBugEntityPatternExactMatch(t *testing.T) {
	if source.EntityPattern("/stops/{$}") {
		t.Error(`EntityPattern("/stops/{$}") = true, want false`)
	}
}

func TestRoutesIgnoresNonRoutes(t *testing.T) {
	src := `package nonroutes

type cache struct{}

func (cache) Get(key string, f func()) {}
func (cache) Add(a, b string, f func()) {}

func h() {}

func use(c cache) {
	c.Get("key", h)
	c.Add("a", "b", h)
}
`
	c := check(t, "example.com/nonroutes", "nonroutes.go", src)
	if got := source.Routes(c.info, c.files); len(got) != 0 {
		t.Errorf("Routes = %v, want none: no argument is a path", got)
	}
	if !strings.Contains(src, "Get(\"key\"") {
		t.Fatal("test source changed")
	}
}
