package apis

import (
	"go/ast"
	"go/types"
)

// Outbound HTTP. The package-level helpers send through http.DefaultClient,
// which has no timeout.
func httpClient() []Call {
	const pkg = "net/http"
	out := funcs(pkg,
		m("Get", HTTP),
		m("Head", HTTP),
		m("Post", HTTP),
		m("PostForm", HTTP),
		noCtx("NewRequest", None, "NewRequestWithContext"),
		m("NewRequestWithContext", None),
	)
	out = append(out, on(pkg, recv("Client"),
		m("Do", HTTP),
		m("Get", HTTP),
		m("Head", HTTP),
		m("Post", HTTP),
		m("PostForm", HTTP),
	)...)
	// resty: client.R().SetBody(b).Post(url). The request methods send.
	for _, pkg := range []string{"github.com/go-resty/resty/v2", "resty.dev/v3"} {
		out = append(out, on(pkg, recv("Request"),
			m("Get", HTTP), m("Head", HTTP), m("Post", HTTP), m("Put", HTTP), m("Patch", HTTP),
			m("Delete", HTTP), m("Options", HTTP), m("Send", HTTP), m("Execute", HTTP),
		)...)
	}
	return out
}

// DefaultClientFuncs are the net/http functions that send through
// http.DefaultClient.
var DefaultClientFuncs = map[string]bool{"Get": true, "Head": true, "Post": true, "PostForm": true}

// DeadlineMiddlewares are the functions ("path.Name") that install a
// middleware giving every request's context a deadline: with one, a
// handler's r.Context() bounds its outbound calls.
var DeadlineMiddlewares = map[string]bool{
	"net/http.TimeoutHandler":                                         true,
	"github.com/go-chi/chi/middleware.Timeout":                        true,
	"github.com/go-chi/chi/v5/middleware.Timeout":                     true,
	"github.com/labstack/echo/v4/middleware.ContextTimeout":           true,
	"github.com/labstack/echo/v4/middleware.ContextTimeoutWithConfig": true,
	"github.com/gin-contrib/timeout.New":                              true,
}

// IsDefaultClient reports whether e names the package-level variable
// http.DefaultClient.
func IsDefaultClient(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultClient" && v.Parent() == v.Pkg().Scope()
}

// IsDefaultClientCall reports whether call, calling fn, is a method of
// http.Client called on http.DefaultClient.
func IsDefaultClientCall(info *types.Info, call *ast.CallExpr, fn *types.Func) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, recv, _ := FuncKey(fn)
	return pkg == "net/http" && recv == "Client" && IsDefaultClient(info, sel.X)
}

// ServerStart is a call that starts serving HTTP.
type ServerStart struct {
	Pkg, Recv, Name string
	// ServerField, when set, names the field of the receiver holding the
	// *http.Server the call starts: assigning a read timeout through it
	// (e.Server.ReadHeaderTimeout = ...) makes the call safe.
	ServerField string
	// How says how the call serves, for the message.
	How string
	// ConfigFunc and ConfigField, when set, name the constructor of the
	// receiver and the field of its configuration literal that sets a
	// read timeout (fiber.New(fiber.Config{ReadTimeout: ...})).
	ConfigFunc, ConfigField string
	// AddrFirst is set when the first argument is the address to listen
	// on: a constant loopback address needs no timeouts. HostFirst is set
	// when it is the host alone (macaron's Run(host, port)).
	AddrFirst, HostFirst bool
}

// ServerStarts lists the calls that start an HTTP server with no read
// timeouts unless configured.
var ServerStarts = []ServerStart{
	{Pkg: "net/http", Name: "ListenAndServe", AddrFirst: true, How: "http.ListenAndServe serves with an http.Server that has no timeouts"},
	{Pkg: "net/http", Name: "ListenAndServeTLS", AddrFirst: true, How: "http.ListenAndServeTLS serves with an http.Server that has no timeouts"},
	{Pkg: "net/http", Name: "Serve", How: "http.Serve serves with an http.Server that has no timeouts"},
	{Pkg: "net/http", Name: "ServeTLS", How: "http.ServeTLS serves with an http.Server that has no timeouts"},
	{Pkg: "github.com/gin-gonic/gin", Recv: "Engine", Name: "Run", How: "gin's Run calls http.ListenAndServe, whose server has no timeouts"},
	{Pkg: "github.com/gin-gonic/gin", Recv: "Engine", Name: "RunTLS", How: "gin's RunTLS calls http.ListenAndServeTLS, whose server has no timeouts"},
	{Pkg: "github.com/gin-gonic/gin", Recv: "Engine", Name: "RunListener", How: "gin's RunListener calls http.Serve, whose server has no timeouts"},
	{Pkg: "github.com/labstack/echo/v4", Recv: "Echo", Name: "Start", ServerField: "Server", How: "echo's Start serves with e.Server, which has no read timeout unless one is set"},
	{Pkg: "github.com/labstack/echo/v4", Recv: "Echo", Name: "StartTLS", ServerField: "TLSServer", How: "echo's StartTLS serves with e.TLSServer, which has no read timeout unless one is set"},
	{Pkg: "github.com/gofiber/fiber/v2", Recv: "App", Name: "Listen", ConfigFunc: "New", ConfigField: "ReadTimeout", How: "fiber's Listen serves with no read timeout unless fiber.Config sets ReadTimeout"},
	{Pkg: "github.com/gofiber/fiber/v2", Recv: "App", Name: "ListenTLS", ConfigFunc: "New", ConfigField: "ReadTimeout", How: "fiber's ListenTLS serves with no read timeout unless fiber.Config sets ReadTimeout"},
	{Pkg: "gopkg.in/macaron.v1", Recv: "Macaron", Name: "Run", HostFirst: true, How: "macaron's Run calls http.ListenAndServe, whose server has no timeouts"},
	{Pkg: "github.com/go-macaron/macaron", Recv: "Macaron", Name: "Run", HostFirst: true, How: "macaron's Run calls http.ListenAndServe, whose server has no timeouts"},
	{Pkg: "github.com/flamego/flamego", Recv: "Flame", Name: "Run", HostFirst: true, How: "flamego's Run calls http.ListenAndServe, whose server has no timeouts"},
}

// LookupServerStart returns the entry for pkg, recv, name, or nil.
func LookupServerStart(pkg, recv, name string) *ServerStart {
	for i := range ServerStarts {
		s := &ServerStarts[i]
		if s.Pkg == pkg && s.Recv == recv && s.Name == name {
			return s
		}
	}
	return nil
}

// ClientConstructor is a library function that returns an *http.Client
// with no Timeout, as &http.Client{} does.
type ClientConstructor struct {
	Pkg, Recv, Name string
	// Display names it in messages.
	Display string
	// CtxKey, when set, names the context key (a package-level variable,
	// "path.Name") whose value, an *http.Client, the returned client takes
	// its settings from, Timeout included, when the context argument
	// carries one (context.WithValue(ctx, oauth2.HTTPClient, c)).
	CtxKey string
}

// ClientConstructors are the library functions whose clients have no
// timeout unless the caller sets one.
var ClientConstructors = []ClientConstructor{
	{Pkg: "golang.org/x/oauth2", Name: "NewClient", Display: "oauth2.NewClient", CtxKey: "golang.org/x/oauth2.HTTPClient"},
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "Client", Display: "oauth2.Config.Client", CtxKey: "golang.org/x/oauth2.HTTPClient"},
	{Pkg: "golang.org/x/oauth2/clientcredentials", Recv: "Config", Name: "Client", Display: "clientcredentials.Config.Client", CtxKey: "golang.org/x/oauth2.HTTPClient"},
	{Pkg: "github.com/hashicorp/go-cleanhttp", Name: "DefaultClient", Display: "cleanhttp.DefaultClient"},
	{Pkg: "github.com/hashicorp/go-cleanhttp", Name: "DefaultPooledClient", Display: "cleanhttp.DefaultPooledClient"},
}

// LookupClientConstructor returns the ClientConstructors entry for the
// function or method, or nil.
func LookupClientConstructor(pkg, recv, name string) *ClientConstructor {
	for i, k := range ClientConstructors {
		if k.Pkg == pkg && k.Recv == recv && k.Name == name {
			return &ClientConstructors[i]
		}
	}
	return nil
}
