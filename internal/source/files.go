package source

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
)

// Skip reports whether findings in file should not be reported: test
// files (tests may do anything) and generated code (nobody edits it).
func Skip(pass *analysis.Pass, file *ast.File) bool {
	name := pass.Fset.File(file.FileStart).Name()
	return strings.HasSuffix(name, "_test.go") || ast.IsGenerated(file)
}

// FileOf returns the file of pass that contains pos, or nil.
func FileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// AddImport returns the name under which file can refer to package path,
// and the edit that imports it when file does not already. A standard
// library package joins the block's group of standard library imports (or
// starts one, first), as goimports groups them; another package goes at
// the end of the block.
func AddImport(pass *analysis.Pass, file *ast.File, path, name string) (string, []analysis.TextEdit) {
	for _, imp := range file.Imports {
		if strings.Trim(imp.Path.Value, `"`) != path {
			continue
		}
		if imp.Name == nil {
			return name, nil
		}
		if imp.Name.Name != "_" && imp.Name.Name != "." {
			return imp.Name.Name, nil
		}
	}
	spec := `"` + path + `"`
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			return name, []analysis.TextEdit{{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport " + spec)}}
		}
		if apis.StandardPath(path) {
			var lastStd *ast.ImportSpec
			for _, s := range gd.Specs {
				if is, ok := s.(*ast.ImportSpec); ok && apis.StandardPath(strings.Trim(is.Path.Value, `"`)) {
					lastStd = is
				}
			}
			if lastStd != nil {
				return name, []analysis.TextEdit{{Pos: lastStd.End(), End: lastStd.End(), NewText: []byte("\n\t" + spec)}}
			}
			if len(gd.Specs) > 0 {
				return name, []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + spec + "\n")}}
			}
		}
		return name, []analysis.TextEdit{{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t" + spec + "\n")}}
	}
	end := file.Name.End()
	return name, []analysis.TextEdit{{Pos: end, End: end, NewText: []byte("\n\nimport " + spec)}}
}

// TestSupport reports whether pass analyzes test support code: a
// package that imports "testing" from its non-test files (fixtures,
// assertion helpers, fake databases).
func TestSupport(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go") {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"testing"` {
				return true
			}
		}
	}
	return false
}
