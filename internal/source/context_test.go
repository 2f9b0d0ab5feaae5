package source_test

import (
	"go/token"
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
