package findings

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/source"
)

// inTestHelper reports whether pos is in test code kept outside a
// _test.go file, which no rule checks: a function declaration that takes
// a *testing.T, *testing.B, *testing.F or testing.TB (an integration-test
// package's setup), a constructor of a test double (NewTestClient,
// newMockStore, NewFakeMailer), a file of test support (testing.go,
// testutil.go, mock_store.go, or a file that imports a test harness:
// dockertest, testcontainers, testify, gomega, ginkgo), or a package of
// test support (a path element test, tests, testutil, testhelpers,
// testsupport, mocks, fakes or e2e).
func inTestHelper(pass *analysis.Pass, pos token.Pos) bool {
	for _, elem := range strings.Split(pass.Pkg.Path(), "/") {
		if testSupport[elem] {
			return true
		}
	}
	f := source.FileOf(pass, pos)
	if f == nil {
		return false
	}
	if importsHarness(f) {
		return true
	}
	if testFile().MatchString(filepath.Base(pass.Fset.File(f.FileStart).Name())) {
		return true
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || pos < fd.Pos() || fd.End() <= pos {
			continue
		}
		if testDouble().MatchString(fd.Name.Name) {
			return true
		}
		for _, field := range fd.Type.Params.List {
			if isTesting(pass.TypesInfo.TypeOf(field.Type)) {
				return true
			}
		}
		return false
	}
	return false
}

// testSupport are the package path elements of test-support packages.
var testSupport = map[string]bool{
	"test": true, "tests": true, "testutil": true, "testutils": true, "testhelper": true, "testhelpers": true,
	"testsupport": true, "mock": true, "mocks": true, "fake": true, "fakes": true, "e2e": true,
}

// testHarnesses are the import paths (and their subpackages, any major
// version) of libraries that only tests use: a file outside _test.go files
// that imports one is part of an integration-test harness (containers
// started for a test run, assertions) or a mock, not product code.
var testHarnesses = []string{
	"github.com/ory/dockertest",
	"github.com/testcontainers/testcontainers-go",
	"github.com/stretchr/testify",
	"github.com/onsi/gomega",
	"github.com/onsi/ginkgo",
}

// importsHarness reports whether file f imports a test harness
// (testHarnesses): the file starts containers for a test run or asserts,
// wherever it lives. A product file beside it (a testify mock kept in the
// package) is not test support for that.
func importsHarness(f *ast.File) bool {
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		for _, h := range testHarnesses {
			if path == h || strings.HasPrefix(path, h+"/") {
				return true
			}
		}
	}
	return false
}

// testFile names the files of test support kept beside the code:
// testing.go, testutil.go, test_helpers.go, mock_store.go, store_mock.go.
var testFile = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(testing|testutils?|test_?helpers?|test_?utils?|mocks?|fakes?)\.go$|^(mock|fake)_.*\.go$|_(mocks?|fakes?|testing)\.go$`)
})

// testDouble names the constructors of test doubles.
var testDouble = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(New|new)(Test|Mock|Fake|Stub)[A-Z_]`) })

// isTesting reports whether t is a type of package testing or a pointer
// to one.
func isTesting(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing"
}
