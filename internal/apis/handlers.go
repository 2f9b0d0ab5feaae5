package apis

import "go/types"

// TypeRef names a type by package path and name. Ptr requires a pointer to
// the named type; the universe type error has Pkg "".
type TypeRef struct {
	Pkg, Name string
	Ptr       bool
}

// RequestParam is a parameter type through which a request handler
// receives the request: net/http's request, or a web framework's context.
// A function taking one is a request handler (unless it is only ever
// called, as helpers are); so is a function taking a struct that embeds
// a framework's context (a service's own context type).
type RequestParam struct {
	Framework string
	Type      TypeRef
	// Context is the expression that yields the request's context from a
	// parameter of this type (%s is the parameter); "" when it has none.
	Context string
	// Request is set when that context is the incoming request's: it
	// ends when the client goes away but carries no deadline.
	Request bool
	// Detached is set for a framework's context that belongs to the
	// request but does not end with it (fiber's): it is a context in
	// scope for calls that take none, but no better a replacement for
	// context.Background() than Background itself.
	Detached bool
	// Alone is set when the type makes a handler by itself: a framework
	// context responds through itself, while a function taking only an
	// *http.Request is a helper unless a ResponseWriter comes with it.
	Alone bool
	// Injects is set for frameworks that inject a handler's other
	// arguments (macaron, flamego): any function taking the context is
	// shaped like a handler, not only func(ctx) [error].
	Injects bool
	// CapBody is the statement that caps the request body: {req} stands
	// for the parameter, {w} for the http.ResponseWriter parameter. ""
	// when the framework caps bodies itself or has no such statement.
	CapBody string
}

const (
	gin        = "github.com/gin-gonic/gin"
	echo       = "github.com/labstack/echo/v4"
	echoV3     = "github.com/labstack/echo"
	echoV5     = "github.com/labstack/echo/v5"
	fiber      = "github.com/gofiber/fiber/v2"
	fiberV3    = "github.com/gofiber/fiber/v3"
	macaron    = "gopkg.in/macaron.v1"
	macaronGH  = "github.com/go-macaron/macaron"
	flamego    = "github.com/flamego/flamego"
	chi        = "github.com/go-chi/chi/v5"
	chiV1      = "github.com/go-chi/chi"
	gorillaMux = "github.com/gorilla/mux"
	httprouter = "github.com/julienschmidt/httprouter"
	huma       = "github.com/danielgtaylor/huma/v2"
	gokitHTTP  = "github.com/go-kit/kit/transport/http"
	beegoCtx   = "github.com/beego/beego/v2/server/web/context"
	// beegoV1 is beego v1.12's own module path, after github.com/astaxie/beego
	// and before v2 (same API as astaxie's).
	beegoV1    = "github.com/beego/beego"
	fasthttp   = "github.com/valyala/fasthttp"
	fastglue   = "github.com/zerodha/fastglue"
	fastRouter = "github.com/fasthttp/router"
	bunrouter  = "github.com/uptrace/bunrouter"
)

var (
	responseWriter = TypeRef{Pkg: "net/http", Name: "ResponseWriter"}
	httpRequest    = TypeRef{Pkg: "net/http", Name: "Request", Ptr: true}
	errorType      = TypeRef{Name: "error"}
	ginContext     = TypeRef{Pkg: gin, Name: "Context", Ptr: true}
	echoContext    = TypeRef{Pkg: echo, Name: "Context"}
	fiberCtxV2     = TypeRef{Pkg: fiber, Name: "Ctx", Ptr: true}
	fiberCtxV3     = TypeRef{Pkg: fiberV3, Name: "Ctx"}
	routerParams   = TypeRef{Pkg: httprouter, Name: "Params"}
	contextContext = TypeRef{Pkg: "context", Name: "Context"}
)

// netHTTPCap caps a net/http request's body.
const netHTTPCap = "{req}.Body = http.MaxBytesReader({w}, {req}.Body, 1<<20)"

// RequestParams lists the request parameter types apilint recognises,
// best context source first.
var RequestParams = []RequestParam{
	{Framework: "net/http", Type: httpRequest, Context: "%s.Context()", Request: true, CapBody: netHTTPCap},
	{Framework: "gin", Type: ginContext, Context: "%s.Request.Context()", Request: true, Alone: true,
		CapBody: "{req}.Request.Body = http.MaxBytesReader({req}.Writer, {req}.Request.Body, 1<<20)"},
	{Framework: "echo", Type: echoContext, Context: "%s.Request().Context()", Request: true, Alone: true,
		CapBody: "{req}.Request().Body = http.MaxBytesReader({req}.Response(), {req}.Request().Body, 1<<20)"},
	{Framework: "echo", Type: TypeRef{Pkg: echoV3, Name: "Context"}, Context: "%s.Request().Context()", Request: true, Alone: true,
		CapBody: "{req}.Request().Body = http.MaxBytesReader({req}.Response(), {req}.Request().Body, 1<<20)"},
	{Framework: "echo", Type: TypeRef{Pkg: echoV5, Name: "Context", Ptr: true}, Context: "%s.Request().Context()", Request: true, Alone: true,
		CapBody: "{req}.Request().Body = http.MaxBytesReader({req}.Response(), {req}.Request().Body, 1<<20)"},
	// fasthttp does not cancel fiber's contexts when the client goes
	// away, and UserContext is context.Background() unless a middleware
	// (fiber's timeout middleware, say) sets one; passing it still lets
	// such a deadline reach the call. Fiber v3 renamed UserContext to
	// Context. Fiber caps bodies at 4 MiB by default.
	{Framework: "fiber", Type: fiberCtxV2, Context: "%s.UserContext()", Detached: true, Alone: true},
	{Framework: "fiber", Type: fiberCtxV3, Context: "%s.Context()", Detached: true, Alone: true},
	{Framework: "macaron", Type: TypeRef{Pkg: macaron, Name: "Context", Ptr: true}, Context: "%s.Req.Context()", Request: true, Alone: true, Injects: true},
	{Framework: "macaron", Type: TypeRef{Pkg: macaronGH, Name: "Context", Ptr: true}, Context: "%s.Req.Context()", Request: true, Alone: true, Injects: true},
	{Framework: "flamego", Type: TypeRef{Pkg: flamego, Name: "Context"}, Context: "%s.Request().Context()", Request: true, Alone: true, Injects: true},
	{Framework: "beego", Type: TypeRef{Pkg: beegoCtx, Name: "Context", Ptr: true}, Context: "%s.Request.Context()", Request: true, Alone: true},
	{Framework: "beego", Type: TypeRef{Pkg: "github.com/astaxie/beego/context", Name: "Context", Ptr: true}, Context: "%s.Request.Context()", Request: true, Alone: true},
	{Framework: "beego", Type: TypeRef{Pkg: beegoV1 + "/context", Name: "Context", Ptr: true}, Context: "%s.Request.Context()", Request: true, Alone: true},
	// fasthttp's RequestCtx is itself a context.Context, whose Done is
	// closed when the server shuts down, not when the client goes away:
	// detached, like fiber's. fastglue wraps it. fasthttp caps request
	// bodies at 4 MiB by default (Server.MaxRequestBodySize).
	{Framework: "fasthttp", Type: TypeRef{Pkg: fasthttp, Name: "RequestCtx", Ptr: true}, Context: "%s", Detached: true, Alone: true},
	{Framework: "fastglue", Type: TypeRef{Pkg: fastglue, Name: "Request", Ptr: true}, Context: "%s.RequestCtx", Detached: true, Alone: true},
	// bunrouter's Request embeds net/http's: its handlers take it with a
	// ResponseWriter.
	{Framework: "bunrouter", Type: TypeRef{Pkg: bunrouter, Name: "Request"}, Context: "%s.Context()", Request: true, CapBody: netHTTPCap},
}

// HandlerType is a named function or interface type whose values are
// request handlers: a function literal of that type, or converted to it,
// returned as it or assigned to it, is a handler.
type HandlerType struct {
	Framework string
	Type      TypeRef
	// Context is the index of the parameter that carries the request's
	// context, for types whose functions receive a context.Context
	// rather than a request (go-kit endpoints); -1 otherwise.
	Context int
}

// HandlerTypes lists the handler types apilint recognises.
var HandlerTypes = []HandlerType{
	{Framework: "net/http", Type: TypeRef{Pkg: "net/http", Name: "HandlerFunc"}, Context: -1},
	{Framework: "net/http", Type: TypeRef{Pkg: "net/http", Name: "Handler"}, Context: -1},
	{Framework: "gin", Type: TypeRef{Pkg: gin, Name: "HandlerFunc"}, Context: -1},
	{Framework: "echo", Type: TypeRef{Pkg: echo, Name: "HandlerFunc"}, Context: -1},
	{Framework: "echo", Type: TypeRef{Pkg: echoV3, Name: "HandlerFunc"}, Context: -1},
	{Framework: "echo", Type: TypeRef{Pkg: echoV5, Name: "HandlerFunc"}, Context: -1},
	{Framework: "fiber", Type: TypeRef{Pkg: fiber, Name: "Handler"}, Context: -1},
	{Framework: "fiber", Type: TypeRef{Pkg: fiberV3, Name: "Handler"}, Context: -1},
	{Framework: "httprouter", Type: TypeRef{Pkg: httprouter, Name: "Handle"}, Context: -1},
	{Framework: "fasthttp", Type: TypeRef{Pkg: fasthttp, Name: "RequestHandler"}, Context: -1},
	{Framework: "fastglue", Type: TypeRef{Pkg: fastglue, Name: "FastRequestHandler"}, Context: -1},
	{Framework: "bunrouter", Type: TypeRef{Pkg: bunrouter, Name: "HandlerFunc"}, Context: -1},
	// A go-kit endpoint runs once per request; its context is the
	// request's.
	{Framework: "go-kit", Type: TypeRef{Pkg: "github.com/go-kit/kit/endpoint", Name: "Endpoint"}, Context: 0},
}

// Responder is a result type that makes a function a request handler:
// go-swagger's generated servers call functions returning a
// middleware.Responder with a parameters struct whose Field holds the
// request.
type Responder struct {
	Framework string
	Type      TypeRef
	Field     string
}

// Responders lists the result types apilint recognises.
var Responders = []Responder{
	{Framework: "go-swagger", Type: TypeRef{Pkg: "github.com/go-openapi/runtime/middleware", Name: "Responder"}, Field: "HTTPRequest"},
}

// Registrar is a router method (or function) that registers request
// handlers: the function value in argument Handler (for Variadic ones,
// the last argument) is a handler, whatever its signature. Route
// patterns and methods are read from the call's other arguments.
type Registrar struct {
	Pkg   string
	Recvs []string // receiver types; none for package functions
	Names []string
	// Handler is the index of the handler argument.
	Handler int
	// Variadic is set when handlers are variadic from Handler on, the
	// last one being the route's handler (the others, middleware).
	Variadic bool
}

var (
	verbs      = []string{"Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Connect", "Trace"}
	upperVerbs = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}
	// Routers that register only the common methods.
	commonVerbs      = []string{"Get", "Post", "Put", "Patch", "Delete", "Head", "Options"}
	commonUpperVerbs = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
	macaronRouters   = []string{"Router", "Macaron"}
	withNames        = func(list []string, more ...string) []string { return append(append([]string(nil), list...), more...) }
	chiRecvs         = []string{"Mux", "Router", "Routes"}
	ginRecvs         = []string{"RouterGroup", "Engine", "IRoutes", "IRouter"}
	echoRecvs        = []string{"Echo", "Group"}
	fiberRecvs       = []string{"App", "Router", "Group", "Route"}
)

// Registrars lists the route registrations apilint recognises by type.
var Registrars = []Registrar{
	{Pkg: "net/http", Recvs: []string{"ServeMux"}, Names: []string{"Handle", "HandleFunc"}, Handler: 1},
	{Pkg: "net/http", Names: []string{"Handle", "HandleFunc"}, Handler: 1},
	{Pkg: chi, Recvs: chiRecvs, Names: withNames(verbs, "Handle", "HandleFunc"), Handler: 1},
	{Pkg: chi, Recvs: chiRecvs, Names: []string{"Method", "MethodFunc"}, Handler: 2},
	{Pkg: chiV1, Recvs: chiRecvs, Names: withNames(verbs, "Handle", "HandleFunc"), Handler: 1},
	{Pkg: chiV1, Recvs: chiRecvs, Names: []string{"Method", "MethodFunc"}, Handler: 2},
	{Pkg: gorillaMux, Recvs: []string{"Router"}, Names: []string{"Handle", "HandleFunc"}, Handler: 1},
	{Pkg: gorillaMux, Recvs: []string{"Route"}, Names: []string{"Handler", "HandlerFunc"}, Handler: 0},
	{Pkg: httprouter, Recvs: []string{"Router"}, Names: commonUpperVerbs, Handler: 1},
	{Pkg: httprouter, Recvs: []string{"Router"}, Names: []string{"Handle", "Handler", "HandlerFunc"}, Handler: 2},
	{Pkg: gin, Recvs: ginRecvs, Names: withNames(commonUpperVerbs, "Any"), Handler: 1, Variadic: true},
	{Pkg: gin, Recvs: ginRecvs, Names: []string{"Handle", "Match"}, Handler: 2, Variadic: true},
	{Pkg: echo, Recvs: echoRecvs, Names: withNames(upperVerbs, "Any"), Handler: 1},
	{Pkg: echo, Recvs: echoRecvs, Names: []string{"Add", "Match"}, Handler: 2},
	{Pkg: echoV3, Recvs: echoRecvs, Names: withNames(upperVerbs, "Any"), Handler: 1},
	{Pkg: echoV3, Recvs: echoRecvs, Names: []string{"Add", "Match"}, Handler: 2},
	{Pkg: echoV5, Recvs: echoRecvs, Names: withNames(upperVerbs, "Any"), Handler: 1},
	{Pkg: echoV5, Recvs: echoRecvs, Names: []string{"Add", "Match"}, Handler: 2},
	{Pkg: fiber, Recvs: fiberRecvs, Names: withNames(verbs, "All"), Handler: 1, Variadic: true},
	{Pkg: fiber, Recvs: fiberRecvs, Names: []string{"Add"}, Handler: 2, Variadic: true},
	// Fiber v3 takes the handler first and middleware after it.
	{Pkg: fiberV3, Recvs: fiberRecvs, Names: withNames(verbs, "All"), Handler: 1},
	{Pkg: fiberV3, Recvs: fiberRecvs, Names: []string{"Add"}, Handler: 2},
	{Pkg: macaron, Recvs: macaronRouters, Names: withNames(commonVerbs, "Any"), Handler: 1, Variadic: true},
	{Pkg: macaron, Recvs: macaronRouters, Names: []string{"Route"}, Handler: 2, Variadic: true},
	{Pkg: macaron, Recvs: []string{"ComboRouter"}, Names: commonVerbs, Handler: 0, Variadic: true},
	{Pkg: macaronGH, Recvs: macaronRouters, Names: withNames(commonVerbs, "Any"), Handler: 1, Variadic: true},
	{Pkg: macaronGH, Recvs: macaronRouters, Names: []string{"Route"}, Handler: 2, Variadic: true},
	{Pkg: macaronGH, Recvs: []string{"ComboRouter"}, Names: commonVerbs, Handler: 0, Variadic: true},
	{Pkg: flamego, Recvs: []string{"Router", "Flame"}, Names: withNames(verbs, "Any"), Handler: 1, Variadic: true},
	{Pkg: flamego, Recvs: []string{"Router", "Flame"}, Names: []string{"Routes"}, Handler: 2, Variadic: true},
	{Pkg: huma, Names: []string{"Register"}, Handler: 2},
	{Pkg: huma, Names: []string{"Get", "Post", "Put", "Patch", "Delete", "Head"}, Handler: 2},
	{Pkg: gokitHTTP, Names: []string{"NewServer"}, Handler: 0},
	{Pkg: fastglue, Recvs: []string{"Fastglue"}, Names: []string{"GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "Any"}, Handler: 1},
	{Pkg: fastRouter, Recvs: []string{"Router"}, Names: withNames(upperVerbs, "ANY"), Handler: 1},
	{Pkg: fastRouter, Recvs: []string{"Router"}, Names: []string{"Handle"}, Handler: 2},
	{Pkg: bunrouter, Recvs: []string{"Router", "Group", "CompatGroup"}, Names: commonUpperVerbs, Handler: 1},
	{Pkg: bunrouter, Recvs: []string{"Router", "Group", "CompatGroup"}, Names: []string{"Handle"}, Handler: 2},
}

// Controller is a base type whose embedding makes a struct a controller:
// its exported methods that take nothing and return nothing are request
// handlers (the framework routes requests to them by name), but for the
// hooks it calls around them. Context gets the request's context from
// the receiver (%s).
type Controller struct {
	Framework string
	Type      TypeRef
	Context   string
	Hooks     []string
}

// RootRouters are the types of a framework's whole router (what gin.New,
// echo.New, chi.NewRouter and fiber.New return), not of a group of its
// routes: middleware it uses runs before every route it serves,
// wherever the routes are registered.
var RootRouters = []TypeRef{
	{Pkg: gin, Name: "Engine", Ptr: true},
	{Pkg: echo, Name: "Echo", Ptr: true},
	{Pkg: echoV3, Name: "Echo", Ptr: true},
	{Pkg: echoV5, Name: "Echo", Ptr: true},
	{Pkg: chi, Name: "Mux", Ptr: true},
	{Pkg: chiV1, Name: "Mux", Ptr: true},
	{Pkg: fiber, Name: "App", Ptr: true},
	{Pkg: fiberV3, Name: "App", Ptr: true},
}

// IsRootRouter reports whether t is one of RootRouters.
func IsRootRouter(t types.Type) bool {
	for _, r := range RootRouters {
		if r.Matches(t) {
			return true
		}
	}
	return false
}

// ControllerOf returns the controller framework whose base type the
// struct t (or *t) embeds, directly or through up to two more embedded
// structs of its own (a BaseController the service's controllers embed),
// or nil.
func ControllerOf(t types.Type) *Controller {
	for i := range Controllers {
		if embeds(t, Controllers[i].Type, 3) {
			return &Controllers[i]
		}
	}
	return nil
}

// embeds reports whether the struct t (or *t) embeds the type ref names,
// looking depth levels deep.
func embeds(t types.Type, ref TypeRef, depth int) bool {
	return anyEmbedded(t, depth, func(f types.Type) bool { return ref.Matches(Deref(f)) })
}

// anyEmbedded reports whether found holds for the type of a field the
// struct t (or *t) embeds, looking depth levels deep: each field, then
// what it embeds, before the next field.
func anyEmbedded(t types.Type, depth int, found func(types.Type) bool) bool {
	if depth == 0 {
		return false
	}
	st, ok := Deref(t).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Embedded() && (found(f.Type()) || anyEmbedded(f.Type(), depth-1, found)) {
			return true
		}
	}
	return false
}

// Controllers lists the controller frameworks apilint recognises.
var Controllers = []Controller{
	{Framework: "beego", Type: TypeRef{Pkg: "github.com/beego/beego/v2/server/web", Name: "Controller"},
		Context: "%s.Ctx.Request.Context()", Hooks: []string{"Prepare", "Finish", "Init", "URLMapping", "Render"}},
	{Framework: "beego", Type: TypeRef{Pkg: "github.com/astaxie/beego", Name: "Controller"},
		Context: "%s.Ctx.Request.Context()", Hooks: []string{"Prepare", "Finish", "Init", "URLMapping", "Render"}},
	{Framework: "beego", Type: TypeRef{Pkg: beegoV1, Name: "Controller"},
		Context: "%s.Ctx.Request.Context()", Hooks: []string{"Prepare", "Finish", "Init", "URLMapping", "Render"}},
}

// ServiceRuntime identifies generated RPC service interfaces: an
// interface type whose name ends in Suffix, declared in a package that
// imports Imports. A method of a type implementing one is a request
// handler.
type ServiceRuntime struct {
	Framework, Imports, Suffix string
}

// ServiceRuntimes lists the RPC frameworks apilint recognises.
var ServiceRuntimes = []ServiceRuntime{
	{Framework: "gRPC", Imports: "google.golang.org/grpc", Suffix: "Server"},
	{Framework: "Connect", Imports: "connectrpc.com/connect", Suffix: "Handler"},
	{Framework: "Connect", Imports: "github.com/bufbuild/connect-go", Suffix: "Handler"},
	// oapi-codegen's strict servers: the generated handler decodes the
	// request and calls the method with the request's context.
	{Framework: "oapi-codegen", Imports: "github.com/oapi-codegen/runtime", Suffix: "StrictServerInterface"},
	{Framework: "oapi-codegen", Imports: "github.com/deepmap/oapi-codegen/pkg/runtime", Suffix: "StrictServerInterface"},
}

// ContextSource is a type from which a request-scoped context.Context can
// be had, and the expression that gets it (%s is the variable).
type ContextSource struct {
	Type     TypeRef
	Expr     string
	Request  bool
	Detached bool
}

// ContextSources lists where a context comes from, best first: a
// context.Context, then the request parameters.
var ContextSources = contextSources()

func contextSources() []ContextSource {
	out := []ContextSource{{Type: contextContext, Expr: "%s"}}
	for _, p := range RequestParams {
		if p.Context != "" {
			out = append(out, ContextSource{Type: p.Type, Expr: p.Context, Request: p.Request, Detached: p.Detached})
		}
	}
	return out
}
