package apis

// TypeRef names a type by package path and name. Ptr requires a pointer to
// the named type; the universe type error has Pkg "".
type TypeRef struct {
	Pkg, Name string
	Ptr       bool
}

// Handler is the signature shape of a request handler in one framework.
type Handler struct {
	Framework string
	Params    []TypeRef
	Results   []TypeRef
	// Request is the index of the parameter that carries the request.
	Request int
	// CapBody is the statement that caps the request body, with the
	// parameter names as arguments (%[1]s, %[2]s); "" when the framework
	// caps bodies itself or has no such statement.
	CapBody string
}

var (
	responseWriter = TypeRef{Pkg: "net/http", Name: "ResponseWriter"}
	httpRequest    = TypeRef{Pkg: "net/http", Name: "Request", Ptr: true}
	errorType      = TypeRef{Name: "error"}
	ginContext     = TypeRef{Pkg: "github.com/gin-gonic/gin", Name: "Context", Ptr: true}
	echoContext    = TypeRef{Pkg: "github.com/labstack/echo/v4", Name: "Context"}
	fiberCtxV2     = TypeRef{Pkg: "github.com/gofiber/fiber/v2", Name: "Ctx", Ptr: true}
	fiberCtxV3     = TypeRef{Pkg: "github.com/gofiber/fiber/v3", Name: "Ctx"}
	routerParams   = TypeRef{Pkg: "github.com/julienschmidt/httprouter", Name: "Params"}
	contextContext = TypeRef{Pkg: "context", Name: "Context"}
)

// Handlers lists the request handler shapes apilint recognises. chi, gorilla
// mux and most routers take plain net/http handlers.
var Handlers = []Handler{
	{Framework: "net/http", Params: []TypeRef{responseWriter, httpRequest}, Request: 1,
		CapBody: "%[2]s.Body = http.MaxBytesReader(%[1]s, %[2]s.Body, 1<<20)"},
	{Framework: "httprouter", Params: []TypeRef{responseWriter, httpRequest, routerParams}, Request: 1,
		CapBody: "%[2]s.Body = http.MaxBytesReader(%[1]s, %[2]s.Body, 1<<20)"},
	{Framework: "gin", Params: []TypeRef{ginContext},
		CapBody: "%[1]s.Request.Body = http.MaxBytesReader(%[1]s.Writer, %[1]s.Request.Body, 1<<20)"},
	{Framework: "echo", Params: []TypeRef{echoContext}, Results: []TypeRef{errorType},
		CapBody: "%[1]s.Request().Body = http.MaxBytesReader(%[1]s.Response(), %[1]s.Request().Body, 1<<20)"},
	{Framework: "fiber", Params: []TypeRef{fiberCtxV2}, Results: []TypeRef{errorType}},
	{Framework: "fiber", Params: []TypeRef{fiberCtxV3}, Results: []TypeRef{errorType}},
}

// ContextSource is a type from which a request-scoped context.Context can
// be had, and the expression that gets it (%s is the variable).
type ContextSource struct {
	Type TypeRef
	Expr string
	// Request is set when the context is the incoming request's: it ends
	// when the client goes away but carries no deadline.
	Request bool
	// Detached is set for a framework's context that belongs to the
	// request but does not end with it (fiber's): it is a context in
	// scope for calls that take none, but no better a replacement for
	// context.Background() than Background itself.
	Detached bool
}

// ContextSources lists where a context comes from, best first.
var ContextSources = []ContextSource{
	{Type: contextContext, Expr: "%s"},
	{Type: httpRequest, Expr: "%s.Context()", Request: true},
	{Type: ginContext, Expr: "%s.Request.Context()", Request: true},
	{Type: echoContext, Expr: "%s.Request().Context()", Request: true},
	// fasthttp does not cancel fiber's contexts when the client goes
	// away, and UserContext is context.Background() unless a middleware
	// (fiber's timeout middleware, say) sets one; passing it still lets
	// such a deadline reach the call. Fiber v3 renamed UserContext to
	// Context.
	{Type: fiberCtxV2, Expr: "%s.UserContext()", Detached: true},
	{Type: fiberCtxV3, Expr: "%s.Context()", Detached: true},
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
}
