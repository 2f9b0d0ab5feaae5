package notimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/analyzers/notimeout"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/stubs"
)

func TestNotimeout(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.RunWithSuggestedFixes(t, dir, newAnalyzer(), "client", "server", "dial", "dbctx", "handlers", "callers", "noctx", "stream", "callerslitedefault", "libclient", "deadline", "deadlinemw", "migrations", "startupctx", "upgrade", "fieldclient", "example.com/svc/internal/mocks", "example.com/svc/integration/hsic", "example.com/svc/upstreamcheck")
}

func TestNotimeoutAll(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	a := newAnalyzer()
	if err := a.Flags.Set("all", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "noctxall", "callerslite")
}

// newAnalyzer builds the analyzer for one test.
func newAnalyzer() *analysis.Analyzer {
	return notimeout.New(effects.New(effects.Options{}), nil)
}
