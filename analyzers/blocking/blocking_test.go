package blocking_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/analyzers/blocking"
	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/stubs"
)

func TestBlocking(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, blocking.Analyzer, "handlers", "jobs", "queued", "rpcsvc", "routerapp")
}

// apis.blocking in .apilint.yml ends up in apis.Extend.
func TestConfiguredBlocking(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	apis.Extend(apis.Call{Pkg: "example.com/mailer", Recv: "Client", Name: "Deliver", Kind: apis.Blocking})
	analysistest.Run(t, dir, blocking.Analyzer, "configured")
}
