package effects_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/stubs"
)

func TestFacts(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, effects.New(effects.Options{}), "store", "sqlcgen", "helpers", "svc", "backends")
}
