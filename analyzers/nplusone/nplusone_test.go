package nplusone_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apilint/apilint/analyzers/nplusone"
	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/stubs"
)

func TestNplusone(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, newAnalyzer(nil), "a", "api", "stores", "lookalikes", "testsupport", "startup", "startupcli", "example.com/jobsvc")
}

// Libraries apilint does not know are taught in .apilint.yml
// (apis.queries), which ends up in the run's table.
func TestConfiguredQueries(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	table := apis.New(apis.Extensions{Calls: []apis.Call{{Pkg: "xorm.io/xorm", Recv: "Session", Name: "Exist", Kind: apis.ReadOne}}})
	analysistest.Run(t, dir, newAnalyzer(table), "configured")
}

func TestWritesOff(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	a := newAnalyzer(nil)
	if err := a.Flags.Set("writes", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "writes")
}

// newAnalyzer builds the analyzer for one test, with table's knowledge.
func newAnalyzer(table *apis.Table) *analysis.Analyzer {
	return nplusone.New(effects.New(effects.Options{Table: table}), nil)
}

// Levels follow the collection's provenance; set-up code, failure paths,
// chunks and retries are not N+1s; xorm, gorm v1 and ozzo-dbx are known.
func TestProvenanceAndExemptions(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	analysistest.Run(t, dir, newAnalyzer(nil), "provenance", "migrations", "deltas", "orms", "fixedoff")
}

// On an embedded database findings are notes, with SQLite's bulk form.
func TestEmbeddedDatabase(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	a := newAnalyzer(nil)
	if err := a.Flags.Set("database", "sqlite"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("embedded", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "embedded")
}

// Without -nplusone.embedded, round trips to an in-process database are not
// reported; a datastore's (Redis over the network) still are, as errors.
func TestEmbeddedHidden(t *testing.T) {
	dir := stubs.GOPATH(t, analysistest.TestData())
	a := newAnalyzer(nil)
	if err := a.Flags.Set("database", "sqlite"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "embeddedquiet")
}
