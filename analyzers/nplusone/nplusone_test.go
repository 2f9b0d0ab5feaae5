package nplusone_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/analyzers/nplusone"
	"github.com/apilint/apilint/internal/stubs"
)

func TestNplusone(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, nplusone.Analyzer, "a", "api")
}

func TestWritesOff(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	if err := nplusone.Analyzer.Flags.Set("writes", "false"); err != nil {
		t.Fatal(err)
	}
	defer nplusone.Analyzer.Flags.Set("writes", "true")
	analysistest.Run(t, dir, nplusone.Analyzer, "writes")
}
