package source

import (
	"go/ast"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/apilint/apilint/internal/apis"
)

// setupWords name the code that runs once, at start-up or by hand, over a
// list whose length the code fixes: migrations, seeders, fixtures, schema
// set-up, backup and restore.
var setupWords = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(migrat|seed|fixture|backup|restore|bootstrap)`) })

// setupFuncs name functions that create or prepare a schema.
var setupFuncs = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(create|init|ensure|setup|prepare)_?(tables?|schemas?|db|database|indexes|indices)$`)
})

// upgradeFuncs name functions that upgrade a schema or its data from one
// version to the next: Upgrade, upgradeDB, AlertRuleUpgradeToV6. A bare
// "upgrade" is too common a word (a plan, a connection) for setupWords.
var upgradeFuncs = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^upgrade$|upgrade_?(to_?)?v?\d|^upgrade_?(db|database|schemas?|tables?|data)$)`)
})

// versionedFile names a file of versioned migrations, the way goose and
// golang-migrate number them: a version or timestamp of at least four
// digits, then the change (00002_add_users.go,
// 20201028212440_add_forgotten_column.go).
var versionedFile = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4,}_\w+\.go$`) })

// SetupCode reports whether cur is in set-up code: a package path
// element, the file's name or the enclosing function's name contains one
// of setupWords, the file is named like a versioned migration
// (versionedFile), or the function is named like createTables or
// initSchema, or like Upgrade or UpgradeToV6 and takes no request. No request waits for set-up code, and it runs once.
func SetupCode(pass *analysis.Pass, cur inspector.Cursor) bool {
	for _, elem := range strings.Split(pass.Pkg.Path(), "/") {
		if setupWords().MatchString(elem) {
			return true
		}
	}
	if file := filepath.Base(pass.Fset.File(cur.Node().Pos()).Name()); setupWords().MatchString(file) || versionedFile().MatchString(file) {
		return true
	}
	if fn, ok := OutermostFunc(cur); ok {
		if decl, ok := fn.Node().(*ast.FuncDecl); ok && (setupWords().MatchString(decl.Name.Name) || setupFuncs().MatchString(decl.Name.Name) ||
			upgradeFuncs().MatchString(decl.Name.Name) && !servesRequest(pass, decl)) {
			return true
		}
	}
	return false
}

// servesRequest reports whether decl takes an *http.Request: an upgrade
// that serves one (a connection upgrade, a plan upgrade) is no schema's.
func servesRequest(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	for _, f := range decl.Type.Params.List {
		if apis.IsHTTPRequest(pass.TypesInfo.TypeOf(f.Type)) {
			return true
		}
	}
	return false
}
