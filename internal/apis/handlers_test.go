package apis_test

import (
	"fmt"
	"go/types"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/apis"
)

func TestHandlerShapes(t *testing.T) {
	r := newResolver(t)
	u := loadUniverse()
	for i, h := range apis.Handlers {
		what := fmt.Sprintf("Handlers[%d] (%s)", i, h.Framework)
		var params, results []*types.Var
		ok := true
		for _, ref := range h.Params {
			pt := r.typeRef(what, ref)
			ok = ok && pt != nil
			params = append(params, types.NewParam(0, nil, "", pt))
		}
		for _, ref := range h.Results {
			rt := r.typeRef(what, ref)
			ok = ok && rt != nil
			results = append(results, types.NewParam(0, nil, "", rt))
		}
		if h.Request < 0 || h.Request >= len(h.Params) {
			t.Errorf("%s: Request %d out of range", what, h.Request)
			continue
		}
		if !ok {
			continue
		}
		if apis.ContextSourceOf(params[h.Request].Type()) == nil {
			t.Errorf("%s: the request parameter %v has no ContextSource", what, params[h.Request].Type())
		}
		sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), types.NewTuple(results...), false)
		if got := apis.HandlerOf(sig); got != &apis.Handlers[i] {
			t.Errorf("HandlerOf(%v) = %v, want %s", sig, got, what)
		}
		if h.CapBody != "" {
			checkCapBody(t, u, what, h)
		}
	}
}

// checkCapBody type-checks the statement a handler shape suggests to cap
// request bodies, in a function of that shape.
func checkCapBody(t *testing.T, u *universe, what string, h apis.Handler) {
	t.Helper()
	imports := map[string]string{"net/http": "http"}
	typeText := func(ref apis.TypeRef) string {
		if ref.Pkg == "" {
			return ref.Name
		}
		if _, ok := imports[ref.Pkg]; !ok {
			imports[ref.Pkg] = fmt.Sprintf("p%d", len(imports))
		}
		s := imports[ref.Pkg] + "." + ref.Name
		if ref.Ptr {
			s = "*" + s
		}
		return s
	}
	var params, results, zero, args []string
	for i, ref := range h.Params {
		params = append(params, fmt.Sprintf("a%d %s", i, typeText(ref)))
		args = append(args, fmt.Sprintf("a%d", i))
	}
	for _, ref := range h.Results {
		results = append(results, typeText(ref))
		zero = append(zero, "nil")
	}
	var b strings.Builder
	b.WriteString("package capbody\n\nimport (\n")
	for path, name := range imports {
		fmt.Fprintf(&b, "\t%s %q\n", name, path)
	}
	b.WriteString(")\n\nvar _ = http.MaxBytesReader\n\n")
	fmt.Fprintf(&b, "func handler(%s) (%s) {\n\t", strings.Join(params, ", "), strings.Join(results, ", "))
	anyArgs := make([]any, len(args))
	for i, a := range args {
		anyArgs[i] = a
	}
	fmt.Fprintf(&b, h.CapBody, anyArgs...)
	fmt.Fprintf(&b, "\n\treturn %s\n}\n", strings.Join(zero, ", "))
	t.Run(what, func(t *testing.T) { u.check(t, "capbody", b.String()) })
}

func TestContextSources(t *testing.T) {
	r := newResolver(t)
	u := loadUniverse()
	for i, cs := range apis.ContextSources {
		what := fmt.Sprintf("ContextSources[%d] (%s.%s)", i, cs.Type.Pkg, cs.Type.Name)
		if r.typeRef(what, cs.Type) == nil {
			continue
		}
		if cs.Request && cs.Detached {
			t.Errorf("%s: both Request and Detached", what)
		}
		if got := apis.ContextSourceOf(r.typeRef(what, cs.Type)); got != &apis.ContextSources[i] {
			t.Errorf("ContextSourceOf(%s) = %+v, want entry %d", what, got, i)
		}
		typ := "p." + cs.Type.Name
		if cs.Type.Ptr {
			typ = "*" + typ
		}
		src := fmt.Sprintf("package ctxsrc\n\nimport (\n\t\"context\"\n\tp %q\n)\n\nfunc get(v %s) context.Context { return %s }\n",
			cs.Type.Pkg, typ, fmt.Sprintf(cs.Expr, "v"))
		t.Run(what, func(t *testing.T) { u.check(t, "ctxsrc", src) })
	}
	for _, fw := range []apis.TypeRef{
		{Pkg: "github.com/gin-gonic/gin", Name: "Context", Ptr: true},
		{Pkg: "github.com/labstack/echo/v4", Name: "Context"},
		{Pkg: "github.com/gofiber/fiber/v2", Name: "Ctx", Ptr: true},
		{Pkg: "github.com/gofiber/fiber/v3", Name: "Ctx"},
	} {
		if ft := r.typeRef("framework context", fw); ft != nil && !apis.IsFrameworkContext(ft) {
			t.Errorf("IsFrameworkContext(%v) = false", ft)
		}
	}
	if apis.IsFrameworkContext(r.typeRef("request", apis.TypeRef{Pkg: "net/http", Name: "Request", Ptr: true})) {
		t.Error("IsFrameworkContext(*http.Request) = true")
	}
}
