package apis_test

import (
	"fmt"
	"go/types"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/apis"
)

// typeText writes ref as Go source, importing its package as alias.
func typeText(ref apis.TypeRef, alias string) string {
	if ref.Pkg == "" {
		return ref.Name
	}
	s := alias + "." + ref.Name
	if ref.Ptr {
		s = "*" + s
	}
	return s
}

// TestRequestParams checks each request parameter type: it resolves, it
// is the entry RequestParamOf finds for it, and the expressions it gives
// (the request's context, the statement that caps the body) compile in a
// function taking it.
func TestRequestParams(t *testing.T) {
	r := newResolver(t)
	for i, p := range apis.RequestParams {
		what := fmt.Sprintf("RequestParams[%d] (%s %s.%s)", i, p.Framework, p.Type.Pkg, p.Type.Name)
		if p.Framework == "" {
			t.Errorf("%s: no framework", what)
		}
		if p.Request && p.Detached {
			t.Errorf("%s: both Request and Detached", what)
		}
		typ := r.typeRef(what, p.Type)
		if typ == nil {
			continue
		}
		if got := apis.RequestParamOf(typ); got != &apis.RequestParams[i] {
			t.Errorf("RequestParamOf(%v) = %+v, want %s", typ, got, what)
		}
		if p.Context != "" {
			if cs := apis.ContextSourceOf(typ); cs == nil || cs.Expr != p.Context || cs.Request != p.Request || cs.Detached != p.Detached {
				t.Errorf("ContextSourceOf(%v) = %+v, want the parameter's context", typ, cs)
			}
		}
		if got := apis.IsFrameworkContext(typ); got != p.Alone {
			t.Errorf("IsFrameworkContext(%v) = %v, want Alone (%v)", typ, got, p.Alone)
		}
		var body []string
		if p.Context != "" {
			body = append(body, "var _ context.Context = "+fmt.Sprintf(p.Context, "req"))
		}
		if p.CapBody != "" {
			body = append(body, strings.NewReplacer("{req}", "req", "{w}", "w").Replace(p.CapBody))
		}
		imports := "\t\"context\"\n\t\"net/http\"\n"
		alias := "http"
		if p.Type.Pkg != "net/http" {
			imports += fmt.Sprintf("\tp %q\n", p.Type.Pkg)
			alias = "p"
		}
		src := fmt.Sprintf("package reqparam\n\nimport (\n%s)\n\nvar _ context.Context\n\nfunc handler(w http.ResponseWriter, req %s) {\n\t_ = w\n\t%s\n}\n",
			imports, typeText(p.Type, alias), strings.Join(body, "\n\t"))
		t.Run(what, func(t *testing.T) { check(t, "reqparam", src) })
	}
}

// TestRequestParamEmbedded: a service's own context type embedding a
// framework's is a request parameter of that framework.
func TestRequestParamEmbedded(t *testing.T) {
	pkg, _, _ := check(t, "example.com/appctx", `package appctx

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Context struct{ *gin.Context }

type APIContext struct{ Context }

type Deep4 struct{ D3 }
type D3 struct{ D2 }
type D2 struct{ APIContext }

type Plain struct{ R *http.Request }
`)
	typ := func(name string) types.Type { return types.NewPointer(pkg.Scope().Lookup(name).Type()) }
	gin := &apis.RequestParams[0]
	for i := range apis.RequestParams {
		if apis.RequestParams[i].Type.Pkg == "github.com/gin-gonic/gin" {
			gin = &apis.RequestParams[i]
		}
	}
	for _, tc := range []struct {
		name string
		want *apis.RequestParam
	}{
		{"Context", gin},
		{"APIContext", gin},
		{"Plain", nil},
	} {
		if got := apis.RequestParamOf(typ(tc.name)); got != tc.want {
			t.Errorf("RequestParamOf(*%s) = %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if cs := apis.ContextSourceOf(typ("APIContext")); cs == nil || cs.Expr != gin.Context {
		t.Errorf("ContextSourceOf(*APIContext) = %+v, want gin's", cs)
	}
	if !apis.IsFrameworkContext(typ("Context")) {
		t.Error("IsFrameworkContext(*Context embedding *gin.Context) = false")
	}
}

// handlerTypeAliases are HandlerTypes entries naming a type alias: a value
// of an alias type has the aliased (unnamed function) type, which no
// TypeRef matches. See TestBugHandlerTypeAliases.
var handlerTypeAliases = map[string]bool{
	"github.com/gofiber/fiber/v2.Handler": true,
	"github.com/gofiber/fiber/v3.Handler": true,
}

func TestHandlerTypes(t *testing.T) {
	r := newResolver(t)
	for i, ht := range apis.HandlerTypes {
		what := fmt.Sprintf("HandlerTypes[%d] (%s.%s)", i, ht.Type.Pkg, ht.Type.Name)
		if handlerTypeAliases[ht.Type.Pkg+"."+ht.Type.Name] {
			continue
		}
		pkg := r.pkg(what, ht.Type.Pkg)
		if pkg == nil {
			continue
		}
		tn := r.typeName(what, pkg, ht.Type.Name)
		if tn == nil {
			continue
		}
		if tn.IsAlias() {
			t.Errorf("%s names an alias: no value has that type", what)
			continue
		}
		typ := r.typeRef(what, ht.Type)
		if got := apis.HandlerTypeOf(typ); got != &apis.HandlerTypes[i] {
			t.Errorf("HandlerTypeOf(%v) = %+v, want %s", typ, got, what)
		}
		sig, isFunc := typ.Underlying().(*types.Signature)
		if !isFunc && !types.IsInterface(typ) {
			t.Errorf("%s is neither a function type nor an interface", what)
		}
		switch {
		case ht.Context == -1:
		case !isFunc || ht.Context >= sig.Params().Len() || !apis.IsContext(sig.Params().At(ht.Context).Type()):
			t.Errorf("%s: parameter %d is not a context.Context", what, ht.Context)
		}
	}
}

// TestBugHandlerTypeAliases: fiber's Handler is a type alias
// (type Handler = func(*Ctx) error), so a function literal returned as a
// fiber.Handler has the type func(*fiber.Ctx) error, and HandlerTypeOf
// never finds the entry.
func TestBugHandlerTypeAliases(t *testing.T) {
	r := newResolver(t)
	for i, ht := range apis.HandlerTypes {
		if !handlerTypeAliases[ht.Type.Pkg+"."+ht.Type.Name] {
			continue
		}
		pkg := r.pkg("alias", ht.Type.Pkg)
		tn := r.typeName("alias", pkg, ht.Type.Name)
		if got := apis.HandlerTypeOf(tn.Type()); got != &apis.HandlerTypes[i] {
			t.Errorf("HandlerTypeOf(%s.%s) = %v", ht.Type.Pkg, ht.Type.Name, got)
		}
	}
}

func TestResponders(t *testing.T) {
	r := newResolver(t)
	for i, rp := range apis.Responders {
		what := fmt.Sprintf("Responders[%d] (%s.%s)", i, rp.Type.Pkg, rp.Type.Name)
		typ := r.typeRef(what, rp.Type)
		if typ == nil {
			continue
		}
		if rp.Field == "" || rp.Framework == "" {
			t.Errorf("%s: incomplete entry", what)
		}
		sig := types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewParam(0, nil, "", typ)), false)
		if got := apis.ResponderOf(sig); got != &apis.Responders[i] {
			t.Errorf("ResponderOf(func() %v) = %+v, want %s", typ, got, what)
		}
	}
}

// registrarBugs are the registrations of apis.Registrars that do not
// match the published API: a name that no receiver of the entry has, or a
// handler argument where the function takes none. They are reported by
// TestBugRegistrars and left out of TestRegistrars.
var registrarBugs = map[string]string{
	"github.com/julienschmidt/httprouter Router CONNECT":                  "httprouter's Router has GET, HEAD, OPTIONS, POST, PUT, PATCH and DELETE (router.go)",
	"github.com/gin-gonic/gin RouterGroup,Engine,IRoutes,IRouter CONNECT": "gin's RouterGroup and IRoutes have no CONNECT or TRACE (routergroup.go, v1.12)",
	"github.com/julienschmidt/httprouter Router TRACE":                    "httprouter's Router has GET, HEAD, OPTIONS, POST, PUT, PATCH and DELETE (router.go)",
	"github.com/gin-gonic/gin RouterGroup,Engine,IRoutes,IRouter TRACE":   "gin's RouterGroup and IRoutes have no CONNECT or TRACE (routergroup.go, v1.12)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Get":                  "(*ComboRouter).Get(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Post":                 "(*ComboRouter).Post(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Put":                  "(*ComboRouter).Put(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Patch":                "(*ComboRouter).Patch(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Delete":               "(*ComboRouter).Delete(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Head":                 "(*ComboRouter).Head(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Options":              "(*ComboRouter).Options(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Connect":              "macaron's Router has no Connect (router.go, v1.5)",
	"gopkg.in/macaron.v1 Router,Macaron,ComboRouter Trace":                "macaron's Router has no Trace (router.go, v1.5)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Get":        "(*ComboRouter).Get(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Post":       "(*ComboRouter).Post(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Put":        "(*ComboRouter).Put(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Patch":      "(*ComboRouter).Patch(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Delete":     "(*ComboRouter).Delete(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Head":       "(*ComboRouter).Head(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Options":    "(*ComboRouter).Options(h ...Handler) takes the handlers first, not at argument 1 (router.go)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Connect":    "macaron's Router has no Connect (router.go, v1.5)",
	"github.com/go-macaron/macaron Router,Macaron,ComboRouter Trace":      "macaron's Router has no Trace (router.go, v1.5)",
	"github.com/flamego/flamego Router,Flame Route":                       "flamego's Router.Route takes handlers []Handler; the variadic one is Routes(routePath, methods string, handlers ...Handler) (router.go, v1.12)",
	"github.com/danielgtaylor/huma/v2 Options":                            "huma v2 has Get, Post, Head, Put, Patch and Delete (huma.go)",
	"github.com/danielgtaylor/huma/v2 Connect":                            "huma v2 has Get, Post, Head, Put, Patch and Delete (huma.go)",
	"github.com/danielgtaylor/huma/v2 Trace":                              "huma v2 has Get, Post, Head, Put, Patch and Delete (huma.go)",
}

// TestRegistrars checks each router registration. A Registrar names a
// set of receivers and a set of method names, and not every receiver has
// every name (chi's Routes interface registers nothing; gin has no
// CONNECT): each receiver must exist, each name must be a method of one
// of them (or a function of the package), and wherever the method exists
// its handler argument must be one of its parameters (the variadic one,
// for Variadic entries).
func TestRegistrars(t *testing.T) {
	for _, p := range registrarProblems(t, newResolver(t)) {
		if _, known := registrarBugs[p.key]; !known {
			t.Error(p.msg)
		}
	}
}

func TestBugRegistrars(t *testing.T) {
	for _, p := range registrarProblems(t, newResolver(t)) {
		if why, known := registrarBugs[p.key]; known {
			t.Errorf("%s (%s)", p.msg, why)
		}
	}
}

type registrarProblem struct{ key, msg string }

func registrarProblems(t *testing.T, r *resolver) []registrarProblem {
	t.Helper()
	var out []registrarProblem
	table := apis.Default()
	for i, reg := range apis.Registrars {
		pkg := r.pkg(fmt.Sprintf("Registrars[%d]", i), reg.Pkg)
		if pkg == nil {
			continue
		}
		var recvs []*types.TypeName
		for _, recv := range reg.Recvs {
			if tn := r.typeName(fmt.Sprintf("Registrars[%d]", i), pkg, recv); tn != nil {
				recvs = append(recvs, tn)
			}
		}
		for _, name := range reg.Names {
			key := reg.Pkg + " " + name
			if len(reg.Recvs) > 0 {
				key = reg.Pkg + " " + strings.Join(reg.Recvs, ",") + " " + name
			}
			var fns []*types.Func
			if len(reg.Recvs) == 0 {
				if fn, ok := pkg.Scope().Lookup(name).(*types.Func); ok {
					fns = append(fns, fn)
				}
				if table.Registrar(reg.Pkg, "", name) != &apis.Registrars[i] {
					t.Errorf("Registrars[%d] %s: Table.Registrar does not find it", i, name)
				}
			}
			for _, tn := range recvs {
				if fn := methodOf(tn, name); fn != nil {
					fns = append(fns, fn)
				}
				if table.Registrar(reg.Pkg, tn.Name(), name) != &apis.Registrars[i] {
					t.Errorf("Registrars[%d] %s.%s: Table.Registrar does not find it", i, tn.Name(), name)
				}
			}
			if len(fns) == 0 {
				out = append(out, registrarProblem{key, fmt.Sprintf("Registrars[%d] %s: no receiver (%v) has %s", i, reg.Pkg, reg.Recvs, name)})
				continue
			}
			for _, fn := range fns {
				sig := fn.Signature()
				switch {
				case reg.Handler >= sig.Params().Len():
					out = append(out, registrarProblem{key, fmt.Sprintf("Registrars[%d] %s: handler argument %d, but it takes %d parameters", i, apis.FuncName(fn), reg.Handler, sig.Params().Len())})
				case reg.Variadic && (!sig.Variadic() || reg.Handler != sig.Params().Len()-1):
					out = append(out, registrarProblem{key, fmt.Sprintf("Registrars[%d] %s: Variadic, but argument %d is not its variadic parameter", i, apis.FuncName(fn), reg.Handler)})
				}
			}
		}
	}
	return out
}

// A controller embeds the framework's base type directly or through the
// service's own base controller; a struct that embeds neither is none.
func TestControllerOf(t *testing.T) {
	web := types.NewPackage("github.com/beego/beego/v2/server/web", "web")
	base := types.NewNamed(types.NewTypeName(0, web, "Controller", nil), types.NewStruct(nil, nil), nil)
	svc := types.NewPackage("example.com/svc/controllers", "controllers")
	embedding := func(name string, t types.Type) *types.Named {
		field := types.NewField(0, svc, t.(*types.Named).Obj().Name(), t, true)
		return types.NewNamed(types.NewTypeName(0, svc, name, nil), types.NewStruct([]*types.Var{field}, nil), nil)
	}
	own := embedding("BaseController", base)
	doc := embedding("DocumentController", types.Type(own))
	plain := types.NewNamed(types.NewTypeName(0, svc, "Plain", nil), types.NewStruct(nil, nil), nil)
	for _, tc := range []struct {
		t    types.Type
		want bool
	}{
		{own, true},
		{types.NewPointer(doc), true},
		{plain, false},
	} {
		if got := apis.ControllerOf(tc.t) != nil; got != tc.want {
			t.Errorf("ControllerOf(%s) = %v, want %v", tc.t, got, tc.want)
		}
	}
}
