package notimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/analyzers/notimeout"
	"github.com/apilint/apilint/internal/stubs"
)

func TestNotimeout(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.RunWithSuggestedFixes(t, dir, notimeout.Analyzer, "client", "server", "dial", "dbctx", "handlers")
}

func TestNotimeoutAll(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	if err := notimeout.Analyzer.Flags.Set("all", "true"); err != nil {
		t.Fatal(err)
	}
	defer notimeout.Analyzer.Flags.Set("all", "false")
	analysistest.Run(t, dir, notimeout.Analyzer, "noctxall")
}
