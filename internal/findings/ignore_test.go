package findings_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/internal/findings"
)

// fake reports every call of a function named bad.
var fake = &analysis.Analyzer{
	Name: "fake",
	Doc:  "fake reports calls of bad",
	Run: func(pass *analysis.Pass) (any, error) {
		rep := findings.Start(pass, nil)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
						rep.Report(findings.Finding{Pos: call.Pos(), End: call.End(), Message: "call of bad"})
					}
				}
				return true
			})
		}
		return nil, rep.Finish()
	},
}

func TestIgnoreDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), fake, "ignores")
}
