package contract

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	yaml "go.yaml.in/yaml/v3"
)

// jsonWriter writes a document's YAML tree as the JSON that kin-openapi
// reads. On the way it enforces what YAML leaves open (duplicate keys,
// numbers no float64 holds, alias bombs) and checks every $ref (see
// refs.go): one that points nowhere or into a cycle is an error naming its
// line, one to a value kin-openapi cannot read there (an operation, a
// description) is written in its place.
type jsonWriter struct {
	r      *specReader // nil: $refs are written as they are
	bounds Bounds
	nodes  int
	// active holds the anchors and merged mappings being expanded, to
	// catch one that refers to its own ancestor.
	active map[*yaml.Node]bool
	// into is the document whose JSON this is: $refs of content brought
	// in from other files are rewritten relative to it.
	into *document
	out  []byte
}

// place is where in the OpenAPI structure a node is, as far as $refs that
// kin-openapi does not resolve are concerned.
type place uint8

const (
	atOther     place = iota
	atTop             // the document's top level
	atPathItems       // paths, webhooks, components/pathItems: name → path item
	atPathItem        // a path item: method → operation
	atOperation       // an operation
	atComponents
)

// scope is what a node's context says about it.
type scope struct {
	doc   *document // the file the node is in
	place place
	// data is set inside values that are data, not OpenAPI (examples,
	// defaults, enums, x- extensions): a "$ref" key there is not a ref.
	data bool
	// names is set for mappings whose keys are names (properties,
	// components), where "example" or "x-foo" is a name, not a keyword.
	names bool
	// refs is set for a discriminator's mapping, whose values are $refs.
	refs bool
}

// nameMaps are the keys whose values map names to OpenAPI objects.
var nameMaps = map[string]bool{
	"properties": true, "patternProperties": true, "$defs": true, "definitions": true, "dependentSchemas": true,
	"schemas": true, "responses": true, "parameters": true, "examples": true, "requestBodies": true,
	"headers": true, "securitySchemes": true, "links": true, "callbacks": true, "pathItems": true,
	"paths": true, "content": true, "encoding": true, "webhooks": true, "mapping": true, "variables": true,
}

// dataKeys hold values that are data, outside name maps.
var dataKeys = map[string]bool{"example": true, "default": true, "enum": true, "const": true, "value": true}

// operationKeys are a path item's operations.
var operationKeys = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true, "patch": true, "trace": true, "query": true,
}

// toJSON converts d for kin-openapi.
func toJSON(r *specReader, d *document, b Bounds) ([]byte, error) {
	w := jsonWriter{r: r, bounds: b, active: map[*yaml.Node]bool{}, into: d}
	w.out = make([]byte, 0, 1<<16)
	if err := w.node(d.root, 0, scope{doc: d, place: atTop}); err != nil {
		return nil, err
	}
	return w.out, nil
}

func (w *jsonWriter) errorf(s scope, n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", s.doc.name, n.Line, fmt.Sprintf(format, args...))
}

func (w *jsonWriter) count(s scope, n *yaml.Node, depth int) error {
	w.nodes++
	if w.nodes > w.bounds.MaxNodes {
		return w.errorf(s, n, "the document expands to more than %d nodes (YAML aliases?); refusing to read it", w.bounds.MaxNodes)
	}
	if depth > w.bounds.MaxDepth {
		return w.errorf(s, n, "nested deeper than %d levels", w.bounds.MaxDepth)
	}
	return nil
}

func (w *jsonWriter) node(n *yaml.Node, depth int, s scope) error {
	if err := w.count(s, n, depth); err != nil {
		return err
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			w.out = append(w.out, "null"...)
			return nil
		}
		return w.node(n.Content[0], depth, s)
	case yaml.AliasNode:
		if w.active[n.Alias] {
			return w.errorf(s, n, "alias *%s refers to itself", n.Value)
		}
		w.active[n.Alias] = true
		err := w.node(n.Alias, depth+1, s)
		delete(w.active, n.Alias)
		return err
	case yaml.SequenceNode:
		w.out = append(w.out, '[')
		inner := scope{doc: s.doc, data: s.data}
		for i, e := range n.Content {
			if i > 0 {
				w.out = append(w.out, ',')
			}
			if err := w.node(e, depth+1, inner); err != nil {
				return err
			}
		}
		w.out = append(w.out, ']')
		return nil
	case yaml.MappingNode:
		if !s.data && w.r != nil {
			if done, err := w.ref(n, depth, s); done || err != nil {
				return err
			}
		}
		return w.mapping(n, depth, s)
	case yaml.ScalarNode:
		return w.scalar(n, s)
	}
	return w.errorf(s, n, "unexpected YAML node")
}

// within returns the scope of the value under key in a mapping of scope s.
func within(s scope, key string) scope {
	in := scope{doc: s.doc, data: s.data}
	switch {
	case s.data:
	case s.names:
		if s.place == atPathItems {
			in.place = atPathItem
		}
	case strings.HasPrefix(key, "x-") || dataKeys[key]:
		in.data = true
	default:
		in.names = nameMaps[key]
		in.refs = key == "mapping"
		switch {
		case s.place == atTop && (key == "paths" || key == "webhooks"),
			s.place == atComponents && key == "pathItems":
			in.place = atPathItems
		case s.place == atTop && key == "components":
			in.place = atComponents
		case s.place == atPathItem && operationKeys[key]:
			in.place = atOperation
		}
	}
	return in
}

// mapping writes a mapping, merging "<<" keys as YAML 1.1 merge keys do
// (entries of the mapping itself win over merged ones). A key twice is an
// error: YAML forbids it, and the last one silently winning would diff
// something the author did not mean.
func (w *jsonWriter) mapping(n *yaml.Node, depth int, s scope) error {
	if w.active[n] {
		return w.errorf(s, n, "a merge key refers to its own mapping")
	}
	w.active[n] = true
	defer delete(w.active, n)
	if err := duplicateKeys(s, n); err != nil {
		return err
	}
	w.out = append(w.out, '{')
	first := true
	var seen map[string]bool
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			return w.errorf(s, k, "a mapping key must be a scalar")
		}
		if len(merges) > 0 || seen != nil {
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[k.Value] = true
		}
		if !first {
			w.out = append(w.out, ',')
		}
		first = false
		w.out = appendJSONString(w.out, k.Value)
		w.out = append(w.out, ':')
		if (k.Value == "$ref" || s.refs) && v.Kind == yaml.ScalarNode && !s.data && s.doc != w.into && w.r != nil {
			w.out = appendJSONString(w.out, w.r.rebase(v.Value, s.doc, w.into))
			continue
		}
		if err := w.node(v, depth+1, within(s, k.Value)); err != nil {
			return err
		}
	}
	for _, m := range merges {
		if err := w.merge(n, m, &first, seen, depth, s); err != nil {
			return err
		}
	}
	w.out = append(w.out, '}')
	return nil
}

// duplicateKeys reports a key that a mapping has twice, naming both
// lines.
func duplicateKeys(s scope, n *yaml.Node) error {
	keys := len(n.Content) / 2
	if keys < 2 {
		return nil
	}
	dup := func(first, again *yaml.Node) error {
		return fmt.Errorf("%s:%d: duplicate key %q (first at line %d); YAML and JSON allow a key once per mapping",
			s.doc.name, again.Line, again.Value, first.Line)
	}
	if keys <= 12 {
		for i := 0; i+1 < len(n.Content); i += 2 {
			for j := i + 2; j+1 < len(n.Content); j += 2 {
				a, b := n.Content[i], n.Content[j]
				if a.Kind == yaml.ScalarNode && b.Kind == yaml.ScalarNode && a.Tag != "!!merge" && a.Value == b.Value && b.Tag != "!!merge" {
					return dup(a, b)
				}
			}
		}
		return nil
	}
	seen := make(map[string]*yaml.Node, keys)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
			continue
		}
		if first, ok := seen[k.Value]; ok {
			return dup(first, k)
		}
		seen[k.Value] = k
	}
	return nil
}

// merge writes the entries of the mapping (or mappings) m that n does not
// set itself.
func (w *jsonWriter) merge(n, m *yaml.Node, first *bool, seen map[string]bool, depth int, s scope) error {
	if err := w.count(s, n, depth); err != nil {
		return err
	}
	for m.Kind == yaml.AliasNode {
		m = m.Alias
	}
	switch m.Kind {
	case yaml.SequenceNode:
		for _, e := range m.Content {
			if err := w.merge(n, e, first, seen, depth, s); err != nil {
				return err
			}
		}
		return nil
	case yaml.MappingNode:
	default:
		return w.errorf(s, m, "a merge key (<<) needs a mapping")
	}
	if w.active[m] {
		return w.errorf(s, m, "a merge key refers to its own mapping")
	}
	w.active[m] = true
	defer delete(w.active, m)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Tag == "!!merge" {
			if err := w.merge(n, v, first, seen, depth, s); err != nil {
				return err
			}
			continue
		}
		if seen[k.Value] {
			continue
		}
		seen[k.Value] = true
		if !*first {
			w.out = append(w.out, ',')
		}
		*first = false
		w.out = appendJSONString(w.out, k.Value)
		w.out = append(w.out, ':')
		if err := w.node(v, depth+1, within(s, k.Value)); err != nil {
			return err
		}
	}
	return nil
}

// scalar writes a scalar by its resolved tag. Timestamps stay strings, as
// kin-openapi's own YAML path keeps them. A number too large for a
// float64 is an error: JSON decoders would read it as infinity, or fail
// somewhere without a line.
func (w *jsonWriter) scalar(n *yaml.Node, s scope) error {
	switch n.ShortTag() {
	case "!!null":
		w.out = append(w.out, "null"...)
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			w.out = appendJSONString(w.out, n.Value)
			return nil
		}
		w.out = strconv.AppendBool(w.out, b)
	case "!!int":
		i, err := strconv.ParseInt(n.Value, 0, 64)
		if err == nil {
			w.out = strconv.AppendInt(w.out, i, 10)
			return nil
		}
		// Too big for int64: keep the digits as a float64 when it can
		// carry them.
		f, ferr := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		switch {
		case ferr == nil:
			w.out = strconv.AppendFloat(w.out, f, 'g', -1, 64)
		case isRange(ferr):
			return w.errorf(s, n, "the number %s is too large for a float64", shorten(n.Value))
		default:
			w.out = appendJSONString(w.out, n.Value)
		}
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		switch {
		case isRange(err) && math.IsInf(f, 0):
			return w.errorf(s, n, "the number %s is too large for a float64", shorten(n.Value))
		case isRange(err):
			w.out = append(w.out, '0') // underflow: as JSON decoders read it
		case err != nil || math.IsInf(f, 0) || math.IsNaN(f):
			// .inf and .nan have no JSON form.
			w.out = appendJSONString(w.out, n.Value)
		default:
			w.out = strconv.AppendFloat(w.out, f, 'g', -1, 64)
		}
	default:
		// go-yaml reads a plain number it cannot parse as a string.
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 && plainNumber().MatchString(n.Value) {
			if f, err := strconv.ParseFloat(n.Value, 64); isRange(err) && math.IsInf(f, 0) {
				return w.errorf(s, n, "the number %s is too large for a float64", shorten(n.Value))
			}
		}
		w.out = appendJSONString(w.out, n.Value)
	}
	return nil
}

// plainNumber is a JSON number.
var plainNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`) })

func isRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// shorten keeps a value quoted in a message short.
func shorten(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// appendJSONString appends s as a JSON string.
func appendJSONString(out []byte, s string) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 0x20 && b != '"' && b != '\\' {
			continue
		}
		out = append(out, s[start:i]...)
		switch b {
		case '"', '\\':
			out = append(out, '\\', b)
		case '\n':
			out = append(out, '\\', 'n')
		case '\r':
			out = append(out, '\\', 'r')
		case '\t':
			out = append(out, '\\', 't')
		default:
			out = append(out, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xf])
		}
		start = i + 1
	}
	out = append(out, s[start:]...)
	return append(out, '"')
}
