package contract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

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
	cs := applySeverity(runRules(&ruleInput{rev: s}, true, func(*Rule) bool { return true }), o)
	return group(cs, o.NoGroup, newConverter(nil, nil, s, o.NoGroup)), nil
}

// paginationParams are query parameter names that bound a list, by the
// conventions of the big public APIs (Stripe, GitHub, Slack, JSON:API).
var paginationParams = regexp.MustCompile(`(?i)^(limit|page|per_?page|page_?size|size|cursor|starting_?after|ending_?before|offset|after|before|max_?results|top|first|last|page\[.*\])$`)

// checkPagination reports GET operations that return a list and take no
// parameter to bound it.
func checkPagination(in *ruleInput) []change {
	var out []change
	for _, o := range operations(in.rev.T) {
		if o.method != "GET" || !returnsList(o.op) || hasPagination(o.op, in.rev.T.Paths.Value(o.path)) {
			continue
		}
		out = append(out, change{
			rule: RuleListWithoutPagination, operation: o.name(), key: o.name(),
			pos: in.rev.position("paths", o.path, "get"),
			message: fmt.Sprintf("%s returns a list but takes no pagination parameter (limit, cursor, page, ...): "+
				"its response grows with the data until it times out; add a limit and a cursor", o.name()),
		})
	}
	return out
}

// returnsList reports whether op's 2xx JSON response is an array, or an
// envelope whose one array property carries the list.
func returnsList(op *openapi3.Operation) bool {
	codes, responses := successResponses(op)
	for _, code := range codes {
		for mt, m := range responses[code].Content {
			if !strings.Contains(mt, "json") || m == nil || m.Schema == nil || m.Schema.Value == nil {
				continue
			}
			s := m.Schema.Value
			if s.Type.Is("array") {
				return true
			}
			arrays := 0
			for _, p := range s.Properties {
				if p != nil && p.Value != nil && p.Value.Type.Is("array") {
					arrays++
				}
			}
			if s.Type.Is("object") && arrays == 1 && len(s.Properties) <= 4 {
				return true
			}
		}
	}
	return false
}

func hasPagination(op *openapi3.Operation, item *openapi3.PathItem) bool {
	params := op.Parameters
	if item != nil {
		params = append(append(openapi3.Parameters{}, item.Parameters...), params...)
	}
	for _, p := range params {
		if p != nil && p.Value != nil && p.Value.In == openapi3.ParameterInQuery && paginationParams.MatchString(p.Value.Name) {
			return true
		}
	}
	return false
}

// checkErrorSchemas reports operations whose error responses use another
// schema than most operations do.
func checkErrorSchemas(in *ruleInput) []change {
	type use struct {
		o    operation
		code string
	}
	uses := map[string][]use{}
	for _, o := range operations(in.rev.T) {
		if o.op.Responses == nil {
			continue
		}
		seen := map[string]bool{}
		for code, r := range o.op.Responses.Map() {
			if !(strings.HasPrefix(code, "4") || strings.HasPrefix(code, "5") || code == "default") || r == nil || r.Value == nil {
				continue
			}
			for mt, m := range r.Value.Content {
				if !strings.Contains(mt, "json") || m == nil || m.Schema == nil {
					continue
				}
				id := schemaIdentity(m.Schema)
				if !seen[id] {
					seen[id] = true
					uses[id] = append(uses[id], use{o, code})
				}
			}
		}
	}
	if len(uses) < 2 {
		return nil
	}
	ids := make([]string, 0, len(uses))
	for id := range uses {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if len(uses[ids[i]]) != len(uses[ids[j]]) {
			return len(uses[ids[i]]) > len(uses[ids[j]])
		}
		return ids[i] < ids[j]
	})
	common := ids[0]
	var out []change
	for _, id := range ids[1:] {
		for _, u := range uses[id] {
			out = append(out, change{
				rule: RuleErrorSchemaInconsistent, operation: u.o.name(), key: id,
				pos: in.rev.position("paths", u.o.path, strings.ToLower(u.o.method), "responses", u.code),
				message: fmt.Sprintf("error responses use %s here, but %d other operations use %s: "+
					"clients need one error handler per shape; use one error schema everywhere", id, len(uses[common]), common),
			})
		}
	}
	return out
}

// schemaIdentity names a schema by its $ref, or by its properties when
// inline.
func schemaIdentity(s *openapi3.SchemaRef) string {
	if s.Ref != "" {
		return s.Ref
	}
	if s.Value == nil {
		return "an empty schema"
	}
	props := make([]string, 0, len(s.Value.Properties))
	for p := range s.Value.Properties {
		props = append(props, p)
	}
	sort.Strings(props)
	return "an inline schema {" + strings.Join(props, ", ") + "}"
}

// versionSegment is a path or URL segment that names an API version.
var versionSegment = regexp.MustCompile(`(?i)(^|/)v[0-9]+([a-z]+[0-9]*)?(/|$)`)

// checkPathVersions reports paths without a version segment, unless the
// servers carry the version.
func checkPathVersions(in *ruleInput) []change {
	t := in.rev.T
	if len(t.Servers) > 0 {
		all := true
		for _, s := range t.Servers {
			if s == nil || !versionSegment.MatchString(s.URL) {
				all = false
			}
		}
		if all {
			return nil
		}
	}
	var out []change
	if t.Paths == nil {
		return nil
	}
	paths := make([]string, 0, t.Paths.Len())
	for p := range t.Paths.Map() {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if versionSegment.MatchString(p) {
			continue
		}
		var ops []string
		for _, o := range pathOperations(p, t.Paths.Value(p)) {
			ops = append(ops, o.name())
		}
		out = append(out, change{
			rule: RulePathWithoutVersion, operations: ops, key: p,
			pos: in.rev.position("paths", p),
			message: fmt.Sprintf("path %s has no version segment such as /v1/: a breaking change to it "+
				"cannot ship beside the old version; put the version in the path or the server URL", p),
		})
	}
	return out
}
