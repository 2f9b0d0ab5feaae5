package contract

import (
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// A change to a shared schema reaches every operation that uses it, by
// every route: $refs, allOf, anyOf, array items. oasdiff reports it once
// per operation and route. Its root cause is one place in one file: the
// schema, parameter or header where it changed. The index says, for every
// schema and parameter kin-openapi built, where that place is: a file and
// a JSON pointer in it, following $refs to where a value is written, so
// that two routes to one component end at the same site.

// site is where a value is written: a file (the document's key) and a
// JSON pointer into it, kept as a chain of tokens so that the index costs
// a pointer and a string per value.
type site struct {
	parent *site
	tok    string
	doc    string // set on the root of a chain
}

// at returns the site of the value under tokens in s.
func (s *site) at(toks ...string) *site {
	for _, t := range toks {
		s = &site{parent: s, tok: t}
	}
	return s
}

// file returns the key of the document s is in.
func (s *site) file() string {
	for s.parent != nil {
		s = s.parent
	}
	return s.doc
}

// tokens returns the JSON pointer tokens of s from its document's top.
func (s *site) tokens() []string {
	var out []string
	for ; s.parent != nil; s = s.parent {
		out = append(out, s.tok)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// key identifies the site: file and pointer.
func (s *site) key() string {
	var b strings.Builder
	b.WriteString(s.file())
	b.WriteByte('#')
	for _, t := range s.tokens() {
		b.WriteByte('/')
		b.WriteString(escapeToken.Replace(t))
	}
	return b.String()
}

// entry is what the index knows of one schema.
type entry struct {
	schema *openapi3.Schema
	site   *site
}

// index maps the values of one loaded spec to their sites. Schemas are
// keyed by address: oasdiff's changes carry the schemas they compared,
// and kin-openapi shares one value between every $ref to it.
type index struct {
	spec    *Spec
	schemas map[uintptr]entry
	params  map[*openapi3.Parameter]*site
}

// newIndex walks every component, then every operation, of s.
func newIndex(s *Spec) *index {
	x := &index{spec: s, schemas: map[uintptr]entry{}, params: map[*openapi3.Parameter]*site{}}
	if s == nil || s.T == nil {
		return x
	}
	root := &site{doc: s.root}
	if c := s.T.Components; c != nil {
		for _, name := range sortedNames(c.Schemas) {
			x.schema(c.Schemas[name], root.at("components", "schemas", name))
		}
		for _, name := range sortedNames(c.Parameters) {
			x.param(c.Parameters[name], root.at("components", "parameters", name))
		}
		for _, name := range sortedNames(c.Headers) {
			x.header(c.Headers[name], root.at("components", "headers", name))
		}
		for _, name := range sortedNames(c.RequestBodies) {
			x.body(c.RequestBodies[name], root.at("components", "requestBodies", name))
		}
		for _, name := range sortedNames(c.Responses) {
			x.response(c.Responses[name], root.at("components", "responses", name))
		}
	}
	if s.T.Paths != nil {
		paths := s.T.Paths.Map()
		for _, p := range sortedNames(paths) {
			item := paths[p]
			if item == nil {
				continue
			}
			at := root.at("paths", p)
			for i, pr := range item.Parameters {
				x.param(pr, at.at("parameters", strconv.Itoa(i)))
			}
			for _, o := range pathOperations(p, item) {
				op := at.at(strings.ToLower(o.method))
				for i, pr := range o.op.Parameters {
					x.param(pr, op.at("parameters", strconv.Itoa(i)))
				}
				x.body(o.op.RequestBody, op.at("requestBody"))
				if o.op.Responses != nil {
					for code, r := range o.op.Responses.Map() {
						x.response(r, op.at("responses", code))
					}
				}
			}
		}
	}
	return x
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// follow returns the site a $ref written at s points to, or s when there
// is no $ref.
func (x *index) follow(ref string, s *site) *site {
	if ref == "" {
		return s
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return &site{doc: ref}
	}
	file := s.file()
	if u.Path != "" {
		file = joinRef(file, u.Path)
	}
	return (&site{doc: file}).at(fragmentTokens(u.Fragment)...)
}

func (x *index) schema(r *openapi3.SchemaRef, s *site) {
	if r == nil || r.Value == nil {
		return
	}
	s = x.follow(r.Ref, s)
	addr := reflect.ValueOf(r.Value).Pointer()
	if _, seen := x.schemas[addr]; seen {
		return
	}
	v := r.Value
	x.schemas[addr] = entry{schema: v, site: s}
	for _, name := range sortedNames(v.Properties) {
		x.schema(v.Properties[name], s.at("properties", name))
	}
	x.schema(v.Items, s.at("items"))
	for _, list := range []struct {
		kw   string
		subs openapi3.SchemaRefs
	}{{"allOf", v.AllOf}, {"anyOf", v.AnyOf}, {"oneOf", v.OneOf}, {"prefixItems", v.PrefixItems}} {
		for i, sub := range list.subs {
			x.schema(sub, s.at(list.kw, strconv.Itoa(i)))
		}
	}
	x.schema(v.Not, s.at("not"))
	x.schema(v.AdditionalProperties.Schema, s.at("additionalProperties"))
	x.schema(v.Contains, s.at("contains"))
	x.schema(v.PropertyNames, s.at("propertyNames"))
	x.schema(v.If, s.at("if"))
	x.schema(v.Then, s.at("then"))
	x.schema(v.Else, s.at("else"))
	for _, name := range sortedNames(v.PatternProperties) {
		x.schema(v.PatternProperties[name], s.at("patternProperties", name))
	}
}

func (x *index) param(r *openapi3.ParameterRef, s *site) {
	if r == nil || r.Value == nil {
		return
	}
	s = x.follow(r.Ref, s)
	if _, seen := x.params[r.Value]; seen {
		return
	}
	x.params[r.Value] = s
	x.schema(r.Value.Schema, s.at("schema"))
	x.content(r.Value.Content, s.at("content"))
}

func (x *index) header(r *openapi3.HeaderRef, s *site) {
	if r == nil || r.Value == nil {
		return
	}
	s = x.follow(r.Ref, s)
	x.schema(r.Value.Schema, s.at("schema"))
	x.content(r.Value.Content, s.at("content"))
}

func (x *index) body(r *openapi3.RequestBodyRef, s *site) {
	if r == nil || r.Value == nil {
		return
	}
	s = x.follow(r.Ref, s)
	x.content(r.Value.Content, s.at("content"))
}

func (x *index) response(r *openapi3.ResponseRef, s *site) {
	if r == nil || r.Value == nil {
		return
	}
	s = x.follow(r.Ref, s)
	for _, name := range sortedNames(r.Value.Headers) {
		x.header(r.Value.Headers[name], s.at("headers", name))
	}
	x.content(r.Value.Content, s.at("content"))
}

func (x *index) content(c openapi3.Content, s *site) {
	for _, mt := range sortedNames(c) {
		if m := c[mt]; m != nil {
			x.schema(m.Schema, s.at(mt, "schema"))
		}
	}
}

// schemaAt returns the index entry of the schema at address addr.
func (x *index) schemaAt(addr uintptr) (entry, bool) {
	if x == nil || addr == 0 {
		return entry{}, false
	}
	e, ok := x.schemas[addr]
	return e, ok
}
