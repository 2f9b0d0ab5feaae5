// Package docs takes an analyzer's documentation from the package comment
// of its doc.go, so that go doc, apilint explain and Analyzer.Doc agree.
package docs

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustDoc returns the documentation of analyzer name from the source of
// its doc.go: the package comment from the "# Analyzer name" heading on,
// without the heading. The first line is the analyzer's one-line summary,
// as analysis.Analyzer.Doc requires. It panics if the heading is missing,
// which a test of every analyzer catches.
func MustDoc(src, name string) string {
	doc, err := Doc(src, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// Doc is MustDoc returning an error.
func Doc(src, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go of %s has no package comment", name)
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name + "\n"
	_, rest, ok := strings.Cut(text, heading)
	if !ok {
		return "", fmt.Errorf("doc.go of %s lacks the heading %q", name, strings.TrimSpace(heading))
	}
	return strings.TrimSpace(rest) + "\n", nil
}
