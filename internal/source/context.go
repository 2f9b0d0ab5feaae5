package source

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"github.com/apilint/apilint/internal/apis"
)

// Context is a way to get a context.Context at some position.
type Context struct {
	Var    *types.Var
	Source *apis.ContextSource
}

// Expr is the Go expression that yields the context ("ctx", "r.Context()").
func (c Context) Expr() string { return fmt.Sprintf(c.Source.Expr, c.Var.Name()) }

// ContextsInScope returns the variables visible at pos (declared before
// it) from which a context can be had, best first: a context.Context
// named ctx, any other context.Context, then request-carrying values.
// Request-carrying values count only as parameters. Variables declared before notBefore are left out: pass the start of a
// goroutine's function literal to ignore contexts that the goroutine
// would outlive.
func ContextsInScope(pkg *types.Package, pos, notBefore token.Pos) []Context {
	scope := pkg.Scope().Innermost(pos)
	var out []Context
	seen := map[string]bool{}
	for s := scope; s != nil && s != pkg.Scope() && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			if seen[name] || name == "_" {
				continue
			}
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || !v.Pos().IsValid() || v.Pos() >= pos || v.Pos() < notBefore {
				continue
			}
			seen[name] = true // inner declarations shadow outer ones
			src := apis.ContextSourceOf(v.Type())
			if src != nil && (src.Request || src.Detached) && v.Kind() != types.ParamVar {
				// A request variable that is not a parameter is most
				// likely an outgoing request, not the one being served.
				src = nil
			}
			if src != nil {
				out = append(out, Context{Var: v, Source: src})
			}
		}
	}
	rank := func(c Context) int {
		r := 0
		for i := range apis.ContextSources {
			if &apis.ContextSources[i] == c.Source {
				r = i * 2
			}
		}
		if c.Var.Name() != "ctx" && !strings.HasSuffix(c.Var.Name(), "Ctx") {
			r++
		}
		return r
	}
	// Stable insertion sort: lists are tiny.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && rank(out[j]) < rank(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
