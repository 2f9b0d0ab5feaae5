package blocking_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/analyzers/blocking"
	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/stubs"
)

func TestBlocking(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, newAnalyzer(nil), "handlers", "jobs", "queued", "rpcsvc", "routerapp", "guarded", "mocked", "retries", "takeover", "ownctx")
}

// apis.blocking in .apilint.yml ends up in the run's table.
func TestConfiguredBlocking(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	table := apis.New(apis.Extensions{Calls: []apis.Call{{Pkg: "example.com/mailer", Recv: "Client", Name: "Deliver", Kind: apis.Blocking}}})
	analysistest.Run(t, dir, newAnalyzer(table), "configured")
}

// newAnalyzer builds the analyzer for one test, with table's knowledge.
func newAnalyzer(table *apis.Table) *analysis.Analyzer {
	return blocking.New(effects.New(effects.Options{Table: table}), nil)
}

// Handlers as real services write them (see effects.Handler): found by
// signature, adapters, factories and registrations, here and in the
// package that registers another's function.
func TestHandlerShapes(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, newAnalyzer(nil), "shapes", "kitsvc", "kitmain", "glued", "strictapi", "bunsvc")
}

// apis.handlers in .apilint.yml declares a service's own router and
// request type.
func TestConfiguredHandlers(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	table := apis.New(apis.Extensions{
		Registrars:    []apis.Registrar{{Pkg: "ownrouter", Recvs: []string{"Router"}, Names: []string{"Page"}, Handler: 1}},
		RequestParams: []apis.RequestParam{{Framework: "ownrouter", Type: apis.TypeRef{Pkg: "ownrouter", Name: "Ctx"}, Alone: true, Injects: true}},
	})
	analysistest.Run(t, dir, newAnalyzer(table), "ownrouter")
}

// Diagnostic endpoints, by route or name, and -blocking.diagnostic.
func TestDiagnostic(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, newAnalyzer(nil), "diagnostic")

	a := newAnalyzer(nil)
	if err := a.Flags.Set("diagnostic", ""); err != nil {
		t.Fatal(err)
	}
	res := analysistest.Run(&discard{T: t}, dir, a, "diagnostic")
	got := 0
	for _, r := range res {
		got += len(r.Diagnostics)
	}
	if got != 7 {
		t.Errorf("with -blocking.diagnostic=\"\": %d findings, want 7 (every endpoint)", got)
	}
}

// discard is a testing.T that ignores the unmatched-diagnostic errors of a
// run whose findings are counted instead.
type discard struct{ *testing.T }

func (*discard) Errorf(string, ...any) {}
