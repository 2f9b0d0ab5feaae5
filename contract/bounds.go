package contract

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// Bounds limit what one spec may cost to read. A pull request can bring
// any document, and YAML aliases let a few hundred bytes stand for
// gigabytes (the "billion laughs"), so both the bytes read and the nodes
// that aliases expand to are counted before anything grows.
type Bounds struct {
	// MaxFileBytes is the largest file (root or $ref'd) read, in bytes.
	MaxFileBytes int64
	// MaxNodes is the most YAML nodes one file may expand to once its
	// aliases are followed; a document without aliases has as many
	// nodes as it has values, so this only bites on alias bombs.
	MaxNodes int
	// MaxDepth is the deepest nesting of mappings and sequences, which
	// keeps the recursive conversion off the end of the stack.
	MaxDepth int
}

// DefaultBounds fit the largest public specs (Stripe's is 4 MB and under
// 200,000 nodes) with room to spare.
var DefaultBounds = Bounds{MaxFileBytes: 64 << 20, MaxNodes: 10_000_000, MaxDepth: 1000}

// document is one parsed file: its YAML tree, kept for locating findings,
// and the same content as JSON, which is what kin-openapi parses fastest
// and what it gets, so that YAML is parsed once, by the bounded parser.
type document struct {
	name string // as shown to the user
	root *yaml.Node
	json []byte
}

// yamlLine pulls the line out of go-yaml's error messages.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseDocument parses data (YAML or JSON) under b into a document.
func parseDocument(name string, data []byte, b Bounds) (*document, error) {
	if int64(len(data)) > b.MaxFileBytes {
		return nil, fmt.Errorf("%s: %d bytes is over the limit of %d bytes", name, len(data), b.MaxFileBytes)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8", name)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(name, err)
	}
	if root.Kind == 0 {
		return nil, fmt.Errorf("%s: empty document", name)
	}
	c := jsonWriter{name: name, bounds: b, active: map[*yaml.Node]bool{}}
	c.out = make([]byte, 0, len(data))
	if err := c.node(&root, 0); err != nil {
		return nil, err
	}
	return &document{name: name, root: &root, json: c.out}, nil
}

// yamlError turns go-yaml's message into "file:line: message".
func yamlError(name string, err error) error {
	msg := strings.ReplaceAll(err.Error(), "\n", "; ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s: %w", name, m[1], m[2], errSyntax)
	}
	return fmt.Errorf("%s: %s: %w", name, strings.TrimPrefix(msg, "yaml: "), errSyntax)
}

// errSyntax marks malformed input; the message before it says where.
var errSyntax = errors.New("not valid YAML or JSON")

// jsonWriter writes a YAML tree as JSON, following aliases with a budget.
type jsonWriter struct {
	name   string
	bounds Bounds
	nodes  int
	// active holds the anchors being expanded, to catch an alias that
	// refers to its own ancestor.
	active map[*yaml.Node]bool
	out    []byte
}

func (c *jsonWriter) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", c.name, n.Line, fmt.Sprintf(format, args...))
}

func (c *jsonWriter) node(n *yaml.Node, depth int) error {
	c.nodes++
	if c.nodes > c.bounds.MaxNodes {
		return c.errorf(n, "the document expands to more than %d nodes (YAML aliases?); refusing to read it", c.bounds.MaxNodes)
	}
	if depth > c.bounds.MaxDepth {
		return c.errorf(n, "nested deeper than %d levels", c.bounds.MaxDepth)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			c.out = append(c.out, "null"...)
			return nil
		}
		return c.node(n.Content[0], depth)
	case yaml.AliasNode:
		if c.active[n.Alias] {
			return c.errorf(n, "alias *%s refers to itself", n.Value)
		}
		c.active[n.Alias] = true
		err := c.node(n.Alias, depth+1)
		delete(c.active, n.Alias)
		return err
	case yaml.SequenceNode:
		c.out = append(c.out, '[')
		for i, e := range n.Content {
			if i > 0 {
				c.out = append(c.out, ',')
			}
			if err := c.node(e, depth+1); err != nil {
				return err
			}
		}
		c.out = append(c.out, ']')
		return nil
	case yaml.MappingNode:
		return c.mapping(n, depth)
	case yaml.ScalarNode:
		return c.scalar(n)
	}
	return c.errorf(n, "unexpected YAML node")
}

// mapping writes a mapping, merging "<<" keys as YAML 1.1 merge keys do
// (entries of the mapping itself win over merged ones).
func (c *jsonWriter) mapping(n *yaml.Node, depth int) error {
	if c.active[n] {
		return c.errorf(n, "a merge key refers to its own mapping")
	}
	c.active[n] = true
	defer delete(c.active, n)
	c.out = append(c.out, '{')
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
			return c.errorf(k, "a mapping key must be a scalar")
		}
		if len(merges) > 0 || seen != nil {
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[k.Value] = true
		}
		if !first {
			c.out = append(c.out, ',')
		}
		first = false
		c.out = appendJSONString(c.out, k.Value)
		c.out = append(c.out, ':')
		if err := c.node(v, depth+1); err != nil {
			return err
		}
	}
	for _, m := range merges {
		if err := c.merge(n, m, &first, seen, depth); err != nil {
			return err
		}
	}
	c.out = append(c.out, '}')
	return nil
}

// merge writes the entries of the mapping (or mappings) m that n does not
// set itself.
func (c *jsonWriter) merge(n, m *yaml.Node, first *bool, seen map[string]bool, depth int) error {
	c.nodes++
	if c.nodes > c.bounds.MaxNodes {
		return c.errorf(n, "the document expands to more than %d nodes (YAML aliases?); refusing to read it", c.bounds.MaxNodes)
	}
	for m.Kind == yaml.AliasNode {
		m = m.Alias
	}
	switch m.Kind {
	case yaml.SequenceNode:
		for _, e := range m.Content {
			if err := c.merge(n, e, first, seen, depth); err != nil {
				return err
			}
		}
		return nil
	case yaml.MappingNode:
	default:
		return c.errorf(m, "a merge key (<<) needs a mapping")
	}
	if c.active[m] {
		return c.errorf(m, "a merge key refers to its own mapping")
	}
	c.active[m] = true
	defer delete(c.active, m)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Tag == "!!merge" {
			if err := c.merge(n, v, first, seen, depth); err != nil {
				return err
			}
			continue
		}
		if seen[k.Value] {
			continue
		}
		seen[k.Value] = true
		if !*first {
			c.out = append(c.out, ',')
		}
		*first = false
		c.out = appendJSONString(c.out, k.Value)
		c.out = append(c.out, ':')
		if err := c.node(v, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// scalar writes a scalar by its resolved tag. Timestamps stay strings, as
// kin-openapi's own YAML path keeps them.
func (c *jsonWriter) scalar(n *yaml.Node) error {
	switch n.ShortTag() {
	case "!!null":
		c.out = append(c.out, "null"...)
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			c.out = appendJSONString(c.out, n.Value)
			return nil
		}
		c.out = strconv.AppendBool(c.out, b)
	case "!!int":
		i, err := strconv.ParseInt(n.Value, 0, 64)
		if err != nil {
			// Too big for int64: keep the digits when JSON can carry them.
			if f, ferr := strconv.ParseFloat(n.Value, 64); ferr == nil && !math.IsInf(f, 0) {
				c.out = strconv.AppendFloat(c.out, f, 'g', -1, 64)
				return nil
			}
			c.out = appendJSONString(c.out, n.Value)
			return nil
		}
		c.out = strconv.AppendInt(c.out, i, 10)
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			// .inf and .nan have no JSON form.
			c.out = appendJSONString(c.out, n.Value)
			return nil
		}
		c.out = strconv.AppendFloat(c.out, f, 'g', -1, 64)
	default:
		c.out = appendJSONString(c.out, n.Value)
	}
	return nil
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
