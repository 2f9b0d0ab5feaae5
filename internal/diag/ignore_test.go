package diag_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/internal/diag"
)

// fake reports every call of a function named bad.
var fake = &analysis.Analyzer{
	Name: "fake",
	Doc:  "fake reports calls of bad",
	Run: diag.WithDirectives(func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
						diag.Report(pass, diag.Finding{Pos: call.Pos(), End: call.End(), Message: "call of bad"})
					}
				}
				return true
			})
		}
		return nil, nil
	}),
}

func TestIgnoreDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), fake, "ignores")
}

func TestDoc(t *testing.T) {
	const src = `// Package x does x.
//
// # Analyzer x
//
// x: find x
//
// More about x.
package x
`
	doc, err := diag.Doc(src, "x")
	if err != nil || doc != "x: find x\n\nMore about x.\n" {
		t.Errorf("Doc = %q, %v", doc, err)
	}
	if _, err := diag.Doc(src, "y"); err == nil {
		t.Error("Doc found a heading for the wrong analyzer")
	}
	if _, err := diag.Doc("package x\n", "x"); err == nil {
		t.Error("Doc accepted a file without a package comment")
	}
}
