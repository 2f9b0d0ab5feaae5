package source

import (
	"go/ast"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// setupWords name the code that runs once, at start-up or by hand, over a
// list whose length the code fixes: migrations, seeders, fixtures, schema
// set-up, backup and restore.
var setupWords = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(migrat|seed|fixture|backup|restore|bootstrap)`) })

// setupFuncs name functions that create or prepare a schema.
var setupFuncs = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(create|init|ensure|setup|prepare)_?(tables?|schemas?|db|database|indexes|indices)$`)
})

// SetupCode reports whether cur is in set-up code: a package path
// element, the file's name or the enclosing function's name contains one
// of setupWords, or the function is named like createTables or
// initSchema. No request waits for set-up code, and it runs once.
func SetupCode(pass *analysis.Pass, cur inspector.Cursor) bool {
	for _, elem := range strings.Split(pass.Pkg.Path(), "/") {
		if setupWords().MatchString(elem) {
			return true
		}
	}
	if setupWords().MatchString(filepath.Base(pass.Fset.File(cur.Node().Pos()).Name())) {
		return true
	}
	if fn, ok := OutermostFunc(cur); ok {
		if decl, ok := fn.Node().(*ast.FuncDecl); ok && (setupWords().MatchString(decl.Name.Name) || setupFuncs().MatchString(decl.Name.Name)) {
			return true
		}
	}
	return false
}
