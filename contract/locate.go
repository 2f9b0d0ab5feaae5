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

// outline is what a spec keeps of a file's YAML once it is loaded: the
// position of every value and the keys that lead to it, a third of the
// memory of the YAML tree, which a diff would otherwise hold for both
// specs while oasdiff's checks run.
type outline struct {
	line, col int32
	// keys are a mapping's keys, kids its values or a sequence's items
	// (keys nil).
	keys []string
	kids []*outline
	// ref is the value of a mapping's $ref.
	ref string
}

// newOutline outlines the YAML tree n. An alias shares the outline of
// its anchor, so that aliases cost nothing here.
func newOutline(n *yaml.Node, anchors map[*yaml.Node]*outline) *outline {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if o, ok := anchors[n]; ok {
		return o
	}
	o := &outline{line: int32(n.Line), col: int32(n.Column)}
	if n.Anchor != "" {
		anchors[n] = o
	}
	switch n.Kind {
	case yaml.MappingNode:
		o.keys = make([]string, 0, len(n.Content)/2)
		o.kids = make([]*outline, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "$ref" && v.Kind == yaml.ScalarNode {
				o.ref = v.Value
			}
			o.keys = append(o.keys, k.Value)
			o.kids = append(o.kids, newOutline(v, anchors))
		}
	case yaml.SequenceNode:
		o.kids = make([]*outline, len(n.Content))
		for i, e := range n.Content {
			o.kids[i] = newOutline(e, anchors)
		}
	}
	return o
}

// child returns the value under key in a mapping, or the item at index
// key in a sequence.
func (o *outline) child(key string) *outline {
	if o.keys == nil {
		if i, err := strconv.Atoi(key); err == nil && i >= 0 && i < len(o.kids) {
			return o.kids[i]
		}
		return nil
	}
	for i, k := range o.keys {
		if k == key {
			return o.kids[i]
		}
	}
	return nil
}

// position finds the source of the value at pointer (JSON pointer tokens,
// unescaped) in s, following $refs into other files. It returns the
// deepest node it reached, so a finding in a property that the revision
// no longer has still points at the schema that lost it. The zero
// Position means the spec kept no outlines or the pointer led nowhere.
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
	if doc == nil || doc.outline == nil {
		return Position{}
	}
	n := doc.outline
	at := func(n *outline) Position { return Position{File: doc.name, Line: int(n.line), Column: int(n.col)} }
	best := at(n)
	for hops, i := 0, 0; i < len(pointer) && hops < 64; {
		if next := n.child(pointer[i]); next != nil {
			n = next
			i++
			best = at(n)
			continue
		}
		if n.ref == "" {
			break
		}
		hops++
		target, frag, ok := s.resolve(key, n.ref)
		if !ok {
			break
		}
		key, doc = target, s.docs[target]
		if doc == nil || doc.outline == nil {
			break
		}
		n = doc.outline
		for _, tok := range frag {
			if n = n.child(tok); n == nil {
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
