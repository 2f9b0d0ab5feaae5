package nplusone_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/analyzers/nplusone"
	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/stubs"
)

func TestNplusone(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, nplusone.Analyzer, "a", "api", "stores", "lookalikes", "testsupport")
}

// Libraries apilint does not know are taught in .apilint.yml
// (apis.queries), which ends up in apis.Extend.
func TestConfiguredQueries(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	apis.Extend(apis.Call{Pkg: "xorm.io/xorm", Recv: "Session", Name: "Exist", Kind: apis.ReadOne})
	analysistest.Run(t, dir, nplusone.Analyzer, "configured")
}

func TestWritesOff(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	if err := nplusone.Analyzer.Flags.Set("writes", "false"); err != nil {
		t.Fatal(err)
	}
	defer nplusone.Analyzer.Flags.Set("writes", "true")
	analysistest.Run(t, dir, nplusone.Analyzer, "writes")
}
