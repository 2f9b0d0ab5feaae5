package effects

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
)

// export publishes the summaries of exported functions and methods
// (interface methods included) as facts: other packages can call only
// those, and every dependent decodes every fact.
func (s *state) export() {
	if s.handlers != nil {
		for _, h := range s.handlers.byNode {
			if nd := s.nodes[h.Node]; nd != nil && nd.fn != nil {
				nd.sum.Handler = true
			}
		}
		s.handlers.exportAdapters()
	}
	for fn, nd := range s.funcs {
		if !nd.sum.Empty() && fn.Pkg() == s.pass.Pkg && fn.Exported() {
			// The node's summary is final: the fact shares it.
			s.pass.ExportObjectFact(fn, &nd.sum)
		}
	}
	for _, v := range s.fixed {
		if v.Exported() {
			s.pass.ExportObjectFact(v, &FixedList{})
		}
	}
	for fn := range s.bodyCaps() {
		if fn.Exported() {
			s.pass.ExportObjectFact(fn, &BodyCap{})
		}
	}
}

// FixedList marks a package-level variable initialised with a non-empty
// composite literal: a list or table written in the code
// (var Kinds = []string{"a", "b"}), whose length no data changes. A loop
// over it in another package runs a fixed number of times.
type FixedList struct{}

// AFact marks FixedList as an analysis fact.
func (*FixedList) AFact() {}

func (*FixedList) String() string { return "fixed list" }

// FixedLists returns the package-level variables of pass initialised with
// a non-empty composite literal.
func FixedLists(pass *analysis.Pass) []*types.Var {
	var out []*types.Var
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						break
					}
					lit, ok := ast.Unparen(vs.Values[i]).(*ast.CompositeLit)
					if !ok || len(lit.Elts) == 0 {
						continue
					}
					if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
						out = append(out, v)
					}
				}
			}
		}
	}
	return out
}

// Summarised is the package fact of every package the analyzer
// summarised. Under go vet, a package none of whose imports was
// summarised, and that imports no effectful package, has no effects to
// summarise either: the vet tool passes on its types and nothing else
// (cmd/apilint's vetx.go), as the apilint command loads it from export
// data.
//
// Databases names the databases whose drivers the package imports,
// directly or through summarised packages: under go vet a package sees
// only its direct imports, so the driver a program's storage package
// imports reaches the packages above it this way.
type Summarised struct {
	Databases []apis.Database
}

// AFact marks Summarised as an analysis fact.
func (*Summarised) AFact() {}

func (s *Summarised) String() string { return fmt.Sprintf("summarised %v", s.Databases) }

// databases returns the databases of the package's drivers: its own
// imports' and those its summarised imports recorded.
func databases(pass *analysis.Pass) []apis.Database {
	var out []apis.Database
	add := func(d apis.Database) {
		if d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	add(apis.DriverOf(pass.Pkg.Path()))
	for _, imp := range pass.Pkg.Imports() {
		add(apis.DriverOf(imp.Path()))
		var f Summarised
		if pass.ImportPackageFact(imp, &f) {
			for _, d := range f.Databases {
				add(d)
			}
		}
	}
	slices.Sort(out)
	return out
}
