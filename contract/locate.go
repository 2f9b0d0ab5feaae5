package contract

import (
	"net/url"
	"strconv"

	yaml "go.yaml.in/yaml/v3"
)

// Position is where something is in a spec's source.
type Position struct {
	File         string
	Line, Column int
}

// position finds the source of the value at pointer (JSON pointer tokens,
// unescaped) in s, following $refs into other files. It returns the
// deepest node it reached, so a finding in a property that the revision
// no longer has still points at the schema that lost it. The zero
// Position means the spec kept no trees or the pointer led nowhere.
func (s *Spec) position(pointer ...string) Position {
	if s == nil {
		return Position{}
	}
	return s.positionAt(s.root, pointer...)
}

// positionAt is position from the top of the document known as key.
func (s *Spec) positionAt(key string, pointer ...string) Position {
	if s == nil {
		return Position{}
	}
	doc := s.docs[key]
	if doc == nil || doc.root == nil {
		return Position{}
	}
	n := doc.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	best := Position{File: doc.name, Line: n.Line, Column: n.Column}
	for hops, i := 0, 0; i < len(pointer) && hops < 64; {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if next := child(n, pointer[i]); next != nil {
			n = next
			i++
			best = Position{File: doc.name, Line: n.Line, Column: n.Column}
			continue
		}
		ref := child(n, "$ref")
		if ref == nil || ref.Kind != yaml.ScalarNode {
			break
		}
		hops++
		target, frag, ok := s.resolve(key, ref.Value)
		if !ok {
			break
		}
		key, doc = target, s.docs[target]
		if doc == nil || doc.root == nil {
			break
		}
		n = doc.root
		if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
			n = n.Content[0]
		}
		for _, tok := range frag {
			if n = child(n, tok); n == nil {
				return best
			}
		}
	}
	return best
}

// resolve turns a $ref found in the document known as key into the key
// of its target document and the pointer tokens of its fragment.
func (s *Spec) resolve(key, ref string) (string, []string, bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" {
		return "", nil, false
	}
	target := key
	if u.Path != "" {
		target = joinRef(key, u.Path)
	}
	return target, fragmentTokens(u.Fragment), true
}

// child returns the value under key in a mapping, or the element at
// index key in a sequence.
func child(n *yaml.Node, key string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				v := n.Content[i+1]
				for v.Kind == yaml.AliasNode {
					v = v.Alias
				}
				return v
			}
		}
	case yaml.SequenceNode:
		for i, e := range n.Content {
			if strconv.Itoa(i) == key {
				return e
			}
		}
	}
	return nil
}
