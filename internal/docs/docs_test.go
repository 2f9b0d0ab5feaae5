package docs_test

import (
	"testing"

	"github.com/apilint/apilint/internal/docs"
)

func TestDoc(t *testing.T) {
	const src = `// Package x does x.
//
// # Analyzer x
//
// x: find x
//
// More about x.
package x
`
	doc, err := docs.Doc(src, "x")
	if err != nil || doc != "x: find x\n\nMore about x.\n" {
		t.Errorf("Doc = %q, %v", doc, err)
	}
	if _, err := docs.Doc(src, "y"); err == nil {
		t.Error("Doc found a heading for the wrong analyzer")
	}
	if _, err := docs.Doc("package x\n", "x"); err == nil {
		t.Error("Doc accepted a file without a package comment")
	}
}
