package contract

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// A $ref is checked where it is written, before kin-openapi reads it:
// kin-openapi's own errors for a $ref that points nowhere name neither the
// ref nor its line, a cycle of $refs that never reaches a value loads as
// an empty schema that fails later ("base schema value is nil"), and a
// $ref in a place the OpenAPI specification does not allow one (an
// operation, a description, as Redocly's bundler accepts and DigitalOcean
// writes its spec) is dropped without a word, leaving an empty operation
// whose changes nobody sees. Here the first two are errors with the file
// and line, and the third is written in place of the $ref.

// maxRefChain bounds a chain of $refs to $refs.
const maxRefChain = 64

// target is what a $ref points to.
type target struct {
	doc  *document
	node *yaml.Node
	// external is set for an http(s) $ref that is allowed and left to
	// kin-openapi to fetch.
	external bool
}

// ref handles a mapping that may be a $ref: it checks the $ref, and writes
// the value it points to instead when kin-openapi would not resolve it
// there. done reports whether it wrote the mapping.
func (w *jsonWriter) ref(n *yaml.Node, depth int, s scope) (done bool, err error) {
	v := refValue(n)
	if v == nil {
		return false, nil
	}
	t, err := w.r.follow(s.doc, v)
	if err != nil || t.external {
		return false, err
	}
	// kin-openapi resolves a $ref where the OpenAPI specification allows
	// one; elsewhere (an operation, a description, a whole properties
	// map) it reads "$ref" as a field or a name. Bundlers such as
	// Redocly's replace any $ref by its value, and specs rely on it.
	if s.place == atPathItem || s.place == atOperation || s.names || t.node.Kind == yaml.ScalarNode {
		if t.node.Kind != yaml.MappingNode && t.node.Kind != yaml.ScalarNode {
			return true, w.errorf(s, v, "$ref %q points to a list, not to a %s", v.Value, placeName(s.place))
		}
		return true, w.node(t.node, depth+1, scope{doc: t.doc, place: s.place, names: s.names})
	}
	return false, nil
}

func placeName(p place) string {
	switch p {
	case atPathItem:
		return "path item"
	case atOperation:
		return "operation"
	}
	return "value"
}

// refValue returns the value node of a mapping's $ref key, or nil.
func refValue(n *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "$ref" {
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode {
				return v
			}
			return nil
		}
	}
	return nil
}

// follow resolves the $ref whose value node is at, written in doc, and any
// $refs that the value it reaches is itself, to the value at the end.
func (r *specReader) follow(doc *document, at *yaml.Node) (target, error) {
	var chain []string
	seen := map[string]bool{}
	from, v := doc, at
	for {
		t, key, err := r.resolveOne(from, v)
		if err != nil || t.external {
			return t, err
		}
		if seen[key] {
			chain = append(chain, v.Value)
			return target{}, fmt.Errorf("%s:%d: $ref %q is a cycle (%s) that never reaches a value",
				doc.name, at.Line, at.Value, strings.Join(chain, " → "))
		}
		seen[key] = true
		chain = append(chain, v.Value)
		next := (*yaml.Node)(nil)
		if t.node.Kind == yaml.MappingNode {
			next = refValue(t.node)
		}
		if next == nil {
			return t, nil
		}
		if len(chain) > maxRefChain {
			return target{}, fmt.Errorf("%s:%d: $ref %q: more than %d $refs to $refs", doc.name, at.Line, at.Value, maxRefChain)
		}
		from, v = t.doc, next
	}
}

// resolveOne resolves one $ref written in doc to its target and a key that
// names the target (file and fragment).
func (r *specReader) resolveOne(doc *document, at *yaml.Node) (target, string, error) {
	ref := at.Value
	u, err := url.Parse(ref)
	if err != nil {
		return target{}, "", fmt.Errorf("%s:%d: $ref %q is not a valid URI reference", doc.name, at.Line, ref)
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		if !r.opts.AllowExternalRefs {
			return target{}, "", fmt.Errorf("%s:%d: $ref to %s is external; apilint makes no network requests unless --allow-external-refs is given", doc.name, at.Line, redact(u))
		}
		return target{external: true}, "", nil
	case u.Scheme != "" && u.Scheme != "file", u.Host != "":
		return target{}, "", fmt.Errorf("%s:%d: $ref to %s: only relative file references are read", doc.name, at.Line, redact(u))
	}
	key := doc.key
	if u.Path != "" {
		key = joinRef(doc.key, u.Path)
	}
	d := doc
	if key != doc.key {
		d, err = r.doc(key)
		var re refError
		if errors.As(err, &re) {
			return target{}, "", fmt.Errorf("%s:%d: $ref to %s%s", doc.name, at.Line, r.display(key), re.tail)
		}
		if err != nil {
			return target{}, "", err
		}
	}
	n := d.top()
	for _, tok := range fragmentTokens(u.Fragment) {
		if n = d.child(n, tok); n == nil {
			return target{}, "", fmt.Errorf("%s:%d: $ref %q points to nothing: %s has no #%s", doc.name, at.Line, ref, d.name, u.Fragment)
		}
	}
	return target{doc: d, node: n}, key + "#" + u.Fragment, nil
}

// joinRef resolves a $ref's path against the key of the file it is in.
func joinRef(from, p string) string {
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join(path.Dir(from), p)
}

// escapeToken and unescapeToken write and read a JSON pointer token
// (RFC 6901): "~" is "~0" and "/" is "~1".
var (
	escapeToken   = strings.NewReplacer("~", "~0", "/", "~1")
	unescapeToken = strings.NewReplacer("~1", "/", "~0", "~")
)

// fragmentTokens splits a JSON pointer fragment into unescaped tokens.
func fragmentTokens(frag string) []string {
	frag = strings.TrimPrefix(frag, "/")
	if frag == "" {
		return nil
	}
	toks := strings.Split(frag, "/")
	for i, t := range toks {
		toks[i] = unescapeToken.Replace(t)
	}
	return toks
}

// child is child with an index for large mappings, which $refs into
// components/schemas look up thousands of times.
func (d *document) child(n *yaml.Node, key string) *yaml.Node {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode || len(n.Content) < 64 {
		return child(n, key)
	}
	idx, ok := d.index[n]
	if !ok {
		if d.index == nil {
			d.index = map[*yaml.Node]map[string]*yaml.Node{}
		}
		idx = make(map[string]*yaml.Node, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if _, dup := idx[n.Content[i].Value]; !dup {
				idx[n.Content[i].Value] = n.Content[i+1]
			}
		}
		d.index[n] = idx
	}
	v := idx[key]
	for v != nil && v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	return v
}

// rebase rewrites a $ref written in from so that it means the same when
// written in into: content brought into another file by ref keeps
// pointing where it pointed.
func (r *specReader) rebase(ref string, from, into *document) string {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ref
	}
	p, frag, hasFrag := strings.Cut(ref, "#")
	key := from.key
	if p != "" {
		key = joinRef(from.key, u.Path)
	}
	out := ""
	if key != into.key {
		out = relativePath(path.Dir(into.key), key)
	}
	if hasFrag {
		out += "#" + frag
	}
	if out == "" {
		out = "#"
	}
	return out
}

// relativePath is the relative URL path from directory dir to file.
func relativePath(dir, file string) string {
	ds := strings.Split(strings.Trim(dir, "/"), "/")
	fs := strings.Split(strings.Trim(file, "/"), "/")
	if dir == "/" {
		ds = nil
	}
	i := 0
	for i < len(ds) && i < len(fs)-1 && ds[i] == fs[i] {
		i++
	}
	var b strings.Builder
	for range ds[i:] {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(fs[i:], "/"))
	return b.String()
}
