package contract

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
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

// document is one file of a spec: its YAML tree, kept while loading for
// resolving $refs and then outlined for locating findings, and, while
// kin-openapi reads it, the same
// content as JSON (which kin-openapi parses fastest), so that YAML is
// parsed once, by the bounded parser.
type document struct {
	key  string // the URL path the loader knows it by
	name string // as shown to the user
	root *yaml.Node
	json []byte
	// outline replaces root once the spec is loaded.
	outline *outline
	// index holds the keys of the large mappings that $refs point into
	// (components/schemas), built on first use.
	index map[*yaml.Node]map[string]*yaml.Node
}

// top returns the document's top-level node.
func (d *document) top() *yaml.Node {
	n := d.root
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	return n
}

// yamlLine pulls the line out of go-yaml's error messages.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// parseTree parses data (YAML or JSON) into a YAML tree, after checking
// its size and encoding. JSON's surrogate-pair escapes ("\ud83d\udc4d"),
// which YAML's double-quoted strings do not have, are read as the
// character they encode.
func parseTree(name string, data []byte, b Bounds) (*yaml.Node, error) {
	if int64(len(data)) > b.MaxFileBytes {
		return nil, fmt.Errorf("%s: %d bytes is over the limit of %d bytes", name, len(data), b.MaxFileBytes)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8", name)
	}
	var root yaml.Node
	err := yaml.Unmarshal(data, &root)
	if err != nil && strings.Contains(err.Error(), "invalid Unicode character escape code") {
		if joined, ok := joinSurrogates(data); ok {
			root = yaml.Node{}
			err = yaml.Unmarshal(joined, &root)
		}
	}
	if err != nil {
		if line := badEscapeLine(data); line > 0 && !yamlLine().MatchString(err.Error()) {
			return nil, fmt.Errorf("%s:%d: found invalid Unicode character escape code (a lone UTF-16 surrogate?): %w", name, line, errSyntax)
		}
		return nil, yamlError(name, err)
	}
	if root.Kind == 0 {
		return nil, fmt.Errorf("%s: empty document", name)
	}
	return &root, nil
}

// joinSurrogates rewrites each escaped UTF-16 surrogate pair, "\ud83d\udc4d"
// as JSON writes a character outside the Basic Multilingual Plane, into
// the "\U0001f44d" escape that YAML reads. A lone surrogate is left for
// the parser to refuse. It reports whether it rewrote anything.
func joinSurrogates(data []byte) ([]byte, bool) {
	var out []byte
	last := 0
	for i := 0; i+12 <= len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		// An escape only if preceded by an even number of backslashes.
		bs := 0
		for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
			bs++
		}
		if bs%2 == 1 || data[i+1] != 'u' || data[i+6] != '\\' || data[i+7] != 'u' {
			continue
		}
		hi, err1 := strconv.ParseUint(string(data[i+2:i+6]), 16, 16)
		lo, err2 := strconv.ParseUint(string(data[i+8:i+12]), 16, 16)
		if err1 != nil || err2 != nil || !utf16.IsSurrogate(rune(hi)) || hi >= 0xdc00 || lo < 0xdc00 || lo > 0xdfff {
			continue
		}
		r := utf16.DecodeRune(rune(hi), rune(lo))
		out = append(out, data[last:i]...)
		out = fmt.Appendf(out, `\U%08x`, r)
		last = i + 12
		i += 11
	}
	if out == nil {
		return nil, false
	}
	return append(out, data[last:]...), true
}

// badEscapeLine returns the line of the first \u escape of a UTF-16
// surrogate that is not part of a pair, or 0; go-yaml's error for it has
// no line.
func badEscapeLine(data []byte) int {
	for i := 0; i+6 <= len(data); i++ {
		if data[i] != '\\' || data[i+1] != 'u' {
			continue
		}
		bs := 0
		for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
			bs++
		}
		v, err := strconv.ParseUint(string(data[i+2:i+6]), 16, 16)
		if bs%2 == 1 || err != nil || !utf16.IsSurrogate(rune(v)) {
			continue
		}
		if v < 0xdc00 && i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
			if lo, err := strconv.ParseUint(string(data[i+8:i+12]), 16, 16); err == nil && lo >= 0xdc00 && lo <= 0xdfff {
				i += 11
				continue
			}
		}
		return 1 + bytes.Count(data[:i], []byte("\n"))
	}
	return 0
}

// yamlError turns go-yaml's message into "file:line: message".
func yamlError(name string, err error) error {
	msg := strings.ReplaceAll(err.Error(), "\n", "; ")
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s: %w", name, m[1], m[2], errSyntax)
	}
	return fmt.Errorf("%s: %s: %w", name, strings.TrimPrefix(msg, "yaml: "), errSyntax)
}

// errSyntax marks malformed input; the message before it says where.
var errSyntax = errors.New("not valid YAML or JSON")
