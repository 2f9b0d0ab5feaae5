package notimeout

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/source"
)

// lineStart returns the position of the first column of pos's line.
func lineStart(c *checker, pos token.Pos) token.Pos {
	f := c.pass.Fset.File(pos)
	return f.LineStart(f.Line(pos))
}

// indentOf returns the whitespace before pos on its line, read from the
// file's source.
func indentOf(c *checker, pos token.Pos) string {
	f := c.pass.Fset.File(pos)
	src, err := c.pass.ReadFile(f.Name())
	if err != nil {
		return ""
	}
	start := f.Offset(lineStart(c, pos))
	end := f.Offset(pos)
	if start < 0 || end > len(src) || start > end {
		return ""
	}
	indent := src[start:end]
	for _, b := range indent {
		if b != ' ' && b != '\t' {
			return ""
		}
	}
	return string(indent)
}

// listenFix rewrites http.ListenAndServe(addr, h) and friends to the same
// call on an http.Server with ReadHeaderTimeout.
func (c *checker) listenFix(call *ast.CallExpr, name string) []analysis.SuggestedFix {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	args := make([]string, len(call.Args))
	for i, a := range call.Args {
		args[i] = formatNode(c, a)
	}
	pkg := formatNode(c, sel.X)
	var fields, rest string
	switch {
	case name == "ListenAndServe" && len(args) == 2:
		fields, rest = "Addr: "+args[0]+", Handler: "+args[1], ""
	case name == "ListenAndServeTLS" && len(args) == 4:
		fields, rest = "Addr: "+args[0]+", Handler: "+args[3], args[1]+", "+args[2]
	case name == "Serve" && len(args) == 2:
		fields, rest = "Handler: "+args[1], args[0]
	case name == "ServeTLS" && len(args) == 4:
		fields, rest = "Handler: "+args[1], args[0]+", "+args[2]+", "+args[3]
	default:
		return nil
	}
	timeName, edits := source.AddImport(c.pass, c.file, "time", "time")
	text := "(&" + pkg + ".Server{" + fields + ", ReadHeaderTimeout: 10 * " + timeName + ".Second})." + name + "(" + rest + ")"
	edits = append(edits, analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte(text)})
	return []analysis.SuggestedFix{{Message: "Serve with an http.Server that has ReadHeaderTimeout", TextEdits: edits}}
}

// addDurationField returns a fix that adds "name: 10 * time.Second" to lit.
func (c *checker) addDurationField(lit *ast.CompositeLit, name, msg string) []analysis.SuggestedFix {
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			return nil // positional literal: leave it to the author
		}
	}
	timeName, edits := source.AddImport(c.pass, c.file, "time", "time")
	kv := name + ": 10 * " + timeName + ".Second"
	fset := c.pass.Fset
	var text string
	switch {
	case len(lit.Elts) == 0:
		text = kv
	case fset.Position(lit.Rbrace).Line != fset.Position(lit.Elts[len(lit.Elts)-1].End()).Line:
		// Multi-line literal: the closing brace sits on its own line after
		// a trailing comma; add a line before it.
		indent := indentOf(c, lit.Rbrace)
		text = indent + "\t" + kv + ",\n" + indent
		edits = append(edits, analysis.TextEdit{Pos: lineStart(c, lit.Rbrace), End: lit.Rbrace, NewText: []byte(text)})
		return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
	default:
		text = ", " + kv
		edits = append(edits, analysis.TextEdit{Pos: lit.Elts[len(lit.Elts)-1].End(), End: lit.Elts[len(lit.Elts)-1].End(), NewText: []byte(text)})
		return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
	}
	edits = append(edits, analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(text)})
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

// formatNode prints n as Go source.
func formatNode(c *checker, n ast.Node) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, c.pass.Fset, n); err != nil {
		return ""
	}
	return buf.String()
}
