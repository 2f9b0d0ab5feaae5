package rewrite

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"path/filepath"
)

// formatFunc turns a file's edited text into its final text.
type formatFunc func(path string, src []byte) ([]byte, error)

// rendering is a file's final text for one set of kept edits, or why
// there is none.
type rendering struct {
	edits  []owned
	text   []byte
	reason string
}

// render applies edits to t's content and formats the result. A Go file
// must parse before and after formatting: text that does not parse is
// never written, whatever the formatter does with it.
func render(t *target, edits []owned, format formatFunc) rendering {
	r := rendering{edits: edits}
	plain := make([]Edit, len(edits))
	for i, e := range edits {
		plain[i] = e.Edit
	}
	sortEdits(plain)
	edited := splice(t.content, plain)
	if err := parses(t.path, edited); err != nil {
		r.reason = fmt.Sprintf("edited text does not parse: %v", err)
		return r
	}
	text, err := format(t.path, edited)
	if err != nil {
		r.reason = fmt.Sprintf("formatting failed: %v", err)
		return r
	}
	if err := parses(t.path, text); err != nil {
		r.reason = fmt.Sprintf("formatted text does not parse: %v", err)
		return r
	}
	r.text = text
	return r
}

// parses reports a syntax error in src if path is a Go file.
func parses(path string, src []byte) error {
	if filepath.Ext(path) != ".go" {
		return nil
	}
	_, err := parser.ParseFile(token.NewFileSet(), path, src, parser.SkipObjectResolution)
	return err
}

// gofmt is the default Format: go/format.Source for Go files; other
// files (go.mod, testdata) are written as edited.
func gofmt(path string, src []byte) ([]byte, error) {
	if filepath.Ext(path) != ".go" {
		return src, nil
	}
	return format.Source(src)
}

// splice returns content with edits applied. The edits must not
// conflict, and must be sorted by sortEdits; an insertion at the start
// of a replaced range then comes before the replacement.
func splice(content []byte, edits []Edit) []byte {
	var b bytes.Buffer
	b.Grow(len(content))
	at := 0
	for _, e := range edits {
		b.Write(content[at:e.Start])
		b.WriteString(e.New)
		at = e.End
	}
	b.Write(content[at:])
	return b.Bytes()
}
