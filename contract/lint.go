package contract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/report"
)

// Lint runs the single-spec rules on spec (read as Load reads it).
func Lint(spec string, o Options) ([]report.Finding, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if o.Level == "" {
		o.Level = report.Warning
	}
	lo := o.Load
	lo.KeepTrees = true
	s, err := Load(spec, lo)
	if err != nil {
		return nil, err
	}
	in := &ruleInput{rev: s, apis: apis.New(apis.Extensions{PaginationParams: o.PaginationParams})}
	cs := applySeverity(runRules(in, true, func(*Rule) bool { return true }), o)
	return group(cs, o.NoGroup, newConverter(nil, nil, s, o.NoGroup)), nil
}

// isPaginationParam reports whether a query parameter bounds a list, by
// the names of the shared table (apis.PaginationParams, or the user's
// apis.pagination-params). JSON:API's page[size] and OData's $top are
// judged by their inner names.
func isPaginationParam(name string, t *apis.Table) bool {
	names := []string{strings.TrimPrefix(name, "$")}
	if outer, inner, ok := strings.Cut(name, "["); ok {
		names = append(names, outer, strings.TrimSuffix(inner, "]"))
	}
	for _, n := range names {
		if t.IsPagination(n) {
			return true
		}
	}
	return false
}

// checkPagination reports GET operations that return a list that grows
// with the data and take no parameter to bound it.
func checkPagination(in *ruleInput) []change {
	var out []change
	for _, o := range operations(in.rev.T) {
		if o.method != "GET" || hasPagination(o.op, in.rev.T.Paths.Value(o.path), in.table()) {
			continue
		}
		list, bounded := returnsList(o)
		if list == nil || bounded || paginationHint(o.op.Extensions) {
			continue
		}
		c := change{
			rule: RuleListWithoutPagination, operation: o.name(), key: o.name(),
			pos: in.rev.position("paths", o.path, "get"),
			message: fmt.Sprintf("%s returns a list but takes no pagination parameter (limit, cursor, page, ...): "+
				"its response grows with the data until it times out; add a limit and a cursor, or, for a list "+
				"that code defines (types, regions), say so with maxItems or x-pagination: false", o.name()),
		}
		if catalog(o.path) || requiredQuery(o.op) {
			// Most likely a list the code defines, or one bounded by what
			// the caller asks for; the spec does not say.
			c.level = report.Note
		}
		out = append(out, c)
	}
	return out
}

// catalogWords end the paths of lists that an API's code usually
// defines, not its users: /regions, /sizes, /report_types, /capabilities.
var catalogWords = map[string]bool{
	"regions": true, "sizes": true, "types": true, "kinds": true, "capabilities": true, "features": true,
	"tiers": true, "categories": true, "countries": true, "currencies": true, "languages": true,
	"locales": true, "timezones": true, "presets": true, "formats": true, "settings": true, "roles": true,
	"models": true, "availability": true,
}

// requiredQuery reports whether an operation requires a query parameter:
// a lookup (?ip=, ?folder_id=) whose list is bounded by what it asks for.
func requiredQuery(op *openapi3.Operation) bool {
	for _, p := range op.Parameters {
		if p != nil && p.Value != nil && p.Value.In == openapi3.ParameterInQuery && p.Value.Required {
			return true
		}
	}
	return false
}

// catalog reports whether a path's last segment names such a list.
func catalog(p string) bool {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	last := strings.ToLower(segs[len(segs)-1])
	words := strings.FieldsFunc(last, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(words) == 0 {
		return false
	}
	return catalogWords[words[len(words)-1]] || words[0] == "supported" || words[0] == "available"
}

// paginationHint reports an x- extension that says a list is bounded or
// paginated another way: x-pagination (false for a bounded list, or a
// description of the paging), x-ms-pageable, x-bounded.
func paginationHint(ext map[string]any) bool {
	for _, k := range []string{"x-pagination", "x-ms-pageable", "x-bounded", "x-paginated"} {
		if _, ok := ext[k]; ok {
			return true
		}
	}
	return false
}

// returnsList returns the array schema of o's 2xx JSON response (the
// body, or the array an envelope carries, through allOf), and whether
// that list is bounded: by maxItems, by items that are enum values or
// keyed by one (a code-defined set such as capabilities or report
// types), or by an x- hint on the array.
func returnsList(o operation) (*openapi3.Schema, bool) {
	codes, responses := successResponses(o.op)
	for _, code := range codes {
		for mt, m := range responses[code].Content {
			if !strings.Contains(mt, "json") || m == nil || m.Schema == nil || m.Schema.Value == nil {
				continue
			}
			s := m.Schema.Value
			list := s
			if !s.Type.Is("array") {
				list = envelopeList(s, o.path)
			}
			if list != nil {
				return list, boundedList(list) || capped(s)
			}
		}
	}
	return nil, false
}

// capped reports an envelope that says how many items a response holds
// at most ({entries: [...], limit: 100}): the server bounds it.
func capped(s *openapi3.Schema) bool {
	props := map[string]*openapi3.Schema{}
	mergeProperties(s, props, 0)
	for _, n := range []string{"limit", "page_size", "max_items"} {
		if props[n] != nil {
			return true
		}
	}
	return false
}

// listNames are the names envelopes give the list they carry.
var listNames = map[string]bool{
	"data": true, "items": true, "results": true, "result": true, "records": true, "entries": true,
	"values": true, "list": true, "content": true, "elements": true, "objects": true,
}

// pageMetadata are the properties beside a list that say it is a page.
var pageMetadata = map[string]bool{
	"links": true, "meta": true, "total": true, "total_count": true, "count": true, "has_more": true,
	"next": true, "next_page": true, "cursor": true, "page": true, "pagination": true, "result_info": true,
}

// envelopeMetadata are arrays an envelope carries besides its data.
var envelopeMetadata = map[string]bool{"errors": true, "messages": true, "warnings": true, "notices": true}

// envelopeList returns the list an envelope of few properties carries
// ({data: [...], has_more}, {droplets: [...], links, meta}), looking
// through allOf: its one array that is named as a list, named after the
// path, or beside page metadata. An envelope whose data is one object
// ({result: {...}, errors: [...]}) carries no list.
func envelopeList(s *openapi3.Schema, path string) *openapi3.Schema {
	props := map[string]*openapi3.Schema{}
	mergeProperties(s, props, 0)
	if len(props) == 0 || len(props) > 6 {
		return nil
	}
	var name string
	var list *openapi3.Schema
	meta := false
	for n, p := range props {
		switch {
		case envelopeMetadata[n]:
		case p.Type.Is("array"):
			if list != nil {
				return nil
			}
			name, list = n, p
		case listNames[n]:
			return nil // the data is not a list
		case pageMetadata[n]:
			meta = true
		}
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	last := segs[len(segs)-1]
	if list == nil || !(listNames[name] || meta || strings.EqualFold(name, last) || strings.EqualFold(name+"s", last)) {
		return nil
	}
	return list
}

// mergeProperties collects s's properties and those of its allOf
// branches.
func mergeProperties(s *openapi3.Schema, into map[string]*openapi3.Schema, depth int) {
	if s == nil || depth > 8 {
		return
	}
	for name, p := range s.Properties {
		if p != nil && p.Value != nil {
			into[name] = p.Value
		}
	}
	for _, sub := range s.AllOf {
		if sub != nil {
			mergeProperties(sub.Value, into, depth+1)
		}
	}
}

// boundedList reports whether an array schema says its length is bounded.
func boundedList(list *openapi3.Schema) bool {
	if list.MaxItems != nil || paginationHint(list.Extensions) {
		return true
	}
	if list.Items == nil || list.Items.Value == nil {
		return false
	}
	items := list.Items.Value
	if len(items.Enum) > 0 {
		return true
	}
	props := map[string]*openapi3.Schema{}
	mergeProperties(items, props, 0)
	for _, key := range []string{"id", "name", "type", "key", "code", "kind", "slug"} {
		if p := props[key]; p != nil && len(p.Enum) > 0 {
			return true
		}
	}
	return false
}

func hasPagination(op *openapi3.Operation, item *openapi3.PathItem, t *apis.Table) bool {
	params := op.Parameters
	if item != nil {
		params = append(append(openapi3.Parameters{}, item.Parameters...), params...)
	}
	for _, p := range params {
		if p != nil && p.Value != nil && p.Value.In == openapi3.ParameterInQuery && isPaginationParam(p.Value.Name, t) {
			return true
		}
	}
	return false
}

// errorUse is one operation's use of an error schema.
type errorUse struct {
	o    operation
	code string
	// id names the schema; family holds it and every schema it extends
	// through allOf, and props its properties.
	id     string
	family map[string]bool
	props  map[string]bool
}

// checkErrorSchemas reports operations whose error responses use another
// schema than most operations do. A schema that extends the common one
// (allOf with it, or all its properties and more) is the same to a
// client's error handler; so is RFC 6749's OAuth error body on the
// endpoints that must send it.
func checkErrorSchemas(in *ruleInput) []change {
	var uses []errorUse
	for _, o := range operations(in.rev.T) {
		if o.op.Responses == nil {
			continue
		}
		seen := map[string]bool{}
		codes := sortedNames(o.op.Responses.Map())
		for _, code := range codes {
			r := o.op.Responses.Value(code)
			if !(strings.HasPrefix(code, "4") || strings.HasPrefix(code, "5") || code == "default") || r == nil || r.Value == nil {
				continue
			}
			for _, mt := range sortedNames(r.Value.Content) {
				m := r.Value.Content[mt]
				if !strings.Contains(mt, "json") || m == nil || m.Schema == nil || m.Schema.Value == nil {
					continue
				}
				u := errorUse{o: o, code: code, family: map[string]bool{}, props: map[string]bool{}}
				u.id = schemaFamily(m.Schema, u.family, u.props, 0)
				if !seen[u.id] {
					seen[u.id] = true
					uses = append(uses, u)
				}
			}
		}
	}
	// The common schema: the one most operations use or extend.
	count := map[string]map[string]bool{}
	for _, u := range uses {
		for id := range u.family {
			if count[id] == nil {
				count[id] = map[string]bool{}
			}
			count[id][u.o.name()] = true
		}
	}
	if len(count) < 2 {
		return nil
	}
	ids := sortedNames(count)
	sort.SliceStable(ids, func(i, j int) bool { return len(count[ids[i]]) > len(count[ids[j]]) })
	common := ids[0]
	var commonProps map[string]bool
	for _, u := range uses {
		if u.id == common {
			commonProps = u.props
			break
		}
	}
	var out []change
	for _, u := range uses {
		if u.family[common] || extends(u.props, commonProps) || oauthError(u.props) {
			continue
		}
		out = append(out, change{
			rule: RuleErrorSchemaInconsistent, operation: u.o.name(), key: u.id,
			pos: in.rev.position("paths", u.o.path, strings.ToLower(u.o.method), "responses", u.code),
			message: fmt.Sprintf("error responses use %s here, but %d other operations use %s or a schema that extends it: "+
				"clients need one error handler per shape; use one error schema everywhere", u.id, len(count[common]), common),
		})
	}
	return out
}

// schemaFamily names a schema (by its $ref, or by its properties when
// inline) and adds to family its name and the names of the schemas it
// extends through allOf, and to props its properties.
func schemaFamily(s *openapi3.SchemaRef, family, props map[string]bool, depth int) string {
	if s == nil || s.Value == nil || depth > 8 {
		return "an empty schema"
	}
	id := s.Ref
	for _, sub := range s.Value.AllOf {
		schemaFamily(sub, family, props, depth+1)
	}
	for p := range s.Value.Properties {
		props[p] = true
	}
	if id == "" {
		if len(s.Value.AllOf) > 0 && len(s.Value.Properties) == 0 {
			// A wrapper of named schemas is named by them.
			names := sortedKeys(family)
			if len(names) > 0 {
				return "allOf " + strings.Join(names, " + ")
			}
		}
		id = "an inline schema {" + strings.Join(sortedKeys(props), ", ") + "}"
	}
	family[id] = true
	return id
}

// extends reports whether a schema with props reads as the common one to
// a client's error handler: it has every property of the common schema
// (and maybe more), or all but one of at least four ({errors, result,
// success} beside {errors, messages, result, success}).
func extends(props, common map[string]bool) bool {
	if len(common) == 0 {
		return false
	}
	missing := 0
	for p := range common {
		if !props[p] {
			missing++
		}
	}
	return missing == 0 || (missing == 1 && len(common) >= 4 && len(props) >= len(common)-1)
}

// oauthError reports RFC 6749's error response body (section 5.2), which
// OAuth token endpoints must send whatever the rest of the API does.
func oauthError(props map[string]bool) bool {
	return props["error"] && props["error_description"]
}

// checkPathVersions reports the paths without a version segment (v1,
// 2.0, 2010-04-01), unless the servers carry the version.
func checkPathVersions(in *ruleInput) []change {
	t := in.rev.T
	if seg, _ := serverVersion(t); seg != "" || t.Paths == nil {
		return nil
	}
	paths := sortedNames(t.Paths.Map())
	var bare, ops []string
	for _, p := range paths {
		if pathVersion(p) != "" {
			continue
		}
		bare = append(bare, p)
		for _, o := range pathOperations(p, t.Paths.Value(p)) {
			ops = append(ops, o.name())
		}
	}
	if len(bare) == 0 {
		return nil
	}
	msg := fmt.Sprintf("no path and no server URL carries a version (/v1/, /2.0/, a date): a breaking change cannot ship beside "+
		"the old version, so it breaks every client at once; put the version in the server URL or the paths (%d %s)",
		len(bare), plural(len(bare), "path", "paths"))
	if len(bare) < len(paths) {
		msg = fmt.Sprintf("%d of %d paths carry no version segment while the others do (%s%s): a breaking change to them "+
			"cannot ship beside the old version; move them under a version", len(bare), len(paths),
			strings.Join(bare[:min(3, len(bare))], ", "), map[bool]string{true: ", ...", false: ""}[len(bare) > 3])
	}
	return []change{{
		rule: RulePathWithoutVersion, operations: ops, key: "unversioned paths",
		pos: in.rev.position("paths", bare[0]), message: msg,
	}}
}
