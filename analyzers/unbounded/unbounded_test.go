package unbounded_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/analyzers/unbounded"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/stubs"
)

func TestUnbounded(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.RunWithSuggestedFixes(t, dir, unbounded.New(effects.New(effects.Options{}), nil), "lists", "orm", "beegoorm", "beegov1", "handedon", "bunsvc", "swaggersvc", "bodies", "capped", "rpc", "assembled", "pkgzsvc", "pkgzthrottle", "example.com/agentsvc", "example.com/logsvc", "example.com/logosvc")
}
