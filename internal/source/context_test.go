package source_test

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"github.com/apilint/apilint/internal/source"
)

const contextSrc = `package ctxs

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
)

var background = context.Background()

func handler(w http.ResponseWriter, r *http.Request) {
	/*@start*/
	ctx := r.Context()
	/*@afterCtx*/
	other := context.TODO()
	reqCtx := context.TODO()
	out, _ := http.NewRequest("GET", "/", nil)
	/*@all*/
	go func() {
		inner := context.TODO()
		/*@goroutine*/
		_ = inner
	}()
	{
		ctx := 1
		/*@shadowed*/
		_ = ctx
	}
	_, _, _, _ = ctx, other, reqCtx, out
}

func ginHandler(c *gin.Context) {
	/*@gin*/
}

func fiberHandler(c *fiber.Ctx) error {
	/*@fiber*/
	return nil
}

func none() {
	/*@none*/
}

func literal() {
	_ = func(ctx context.Context) {
		/*@literal*/
	}
}
`

func TestContextsInScope(t *testing.T) {
	c := check(t, "example.com/ctxs", "ctxs.go", contextSrc)
	goLit := c.pos(t, "ctxs.go", contextSrc, "func() {\n\t\tinner")
	for _, tc := range []struct {
		at, notBefore string
		want          []string // Expr of each context, best first
		detached      []bool
	}{
		{"start", "", []string{"r.Context()"}, nil},
		{"afterCtx", "", []string{"ctx", "r.Context()"}, nil},
		// ctx first, then contexts named like it, then other contexts,
		// then the request; an outgoing request (not a parameter) is none.
		{"all", "", []string{"ctx", "reqCtx", "other", "r.Context()"}, nil},
		{"goroutine", "go", []string{"inner"}, nil},
		{"goroutine", "", []string{"ctx", "reqCtx", "inner", "other", "r.Context()"}, nil},
		{"shadowed", "", []string{"reqCtx", "other", "r.Context()"}, nil},
		{"gin", "", []string{"c.Request.Context()"}, nil},
		{"fiber", "", []string{"c.UserContext()"}, []bool{true}},
		{"none", "", nil, nil}, // a package-level context is not in scope
		{"literal", "", []string{"ctx"}, nil},
	} {
		at := c.pos(t, "ctxs.go", contextSrc, "/*@"+tc.at+"*/")
		notBefore := token.NoPos
		if tc.notBefore == "go" {
			notBefore = goLit
		}
		var got []string
		var detached []bool
		for _, ctx := range source.ContextsInScope(c.pkg, at, notBefore) {
			got = append(got, ctx.Expr())
			detached = append(detached, ctx.Source.Detached)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("at %s (not before %q): ContextsInScope = %q, want %q", tc.at, tc.notBefore, got, tc.want)
		}
		if tc.detached != nil && !slices.Equal(detached, tc.detached) {
			t.Errorf("at %s: Detached = %v, want %v", tc.at, detached, tc.detached)
		}
	}
}

const originSrc = `package origins

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

type key struct{}

func f(ctx context.Context, r *http.Request, c *gin.Context, field struct{ ctx context.Context }) {
	tagged := context.WithValue(ctx, key{}, 1)
	timed, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	reqCtx := r.Context()
	bg := context.Background()
	req, _ := http.NewRequestWithContext(tagged, "GET", "/", nil)
	use(ctx, tagged, timed, reqCtx, bg, c, c.Request.Context(), field.ctx, context.TODO(), req)
}

func g(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	use(ctx)
}

func use(...any) {}
`

func TestContextOriginOf(t *testing.T) {
	c := check(t, "example.com/origins", "origins.go", originSrc)
	args := func(fn string) []ast.Expr {
		var out []ast.Expr
		ast.Inspect(c.funcDecl(t, fn).Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "use" {
					out = call.Args
				}
			}
			return true
		})
		return out
	}
	describe := func(o source.ContextOrigin) string {
		switch {
		case o.Deadline:
			return "deadline"
		case o.Param != nil:
			return "param " + o.Param.Name()
		case o.Request:
			return "request " + types.ExprString(o.Root)
		case o.Root != nil:
			return "root " + types.ExprString(o.Root)
		}
		return "unknown"
	}
	body := c.funcDecl(t, "f").Body
	want := []string{"param ctx", "param ctx", "deadline", "request r.Context()", "root context.Background()",
		"request c", "request c.Request.Context()", "unknown", "root context.TODO()"}
	fArgs := args("f")
	for i, w := range want {
		if got := describe(source.ContextOriginOf(c.info, body, fArgs[i])); got != w {
			t.Errorf("f: origin of %s = %s, want %s", types.ExprString(fArgs[i]), got, w)
		}
	}
	if got := describe(source.RequestContextOrigin(c.info, body, fArgs[len(fArgs)-1])); got != "param ctx" {
		t.Errorf("f: origin of req's context = %s, want param ctx", got)
	}
	// A parameter given a deadline in the function has one.
	if got := describe(source.ContextOriginOf(c.info, c.funcDecl(t, "g").Body, args("g")[0])); got != "deadline" {
		t.Errorf("g: origin of ctx = %s, want deadline", got)
	}
}
