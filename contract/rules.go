package contract

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apilint/apilint/internal/report"
)

// Rule is one of apilint's own contract rules. Like oasdiff's checker,
// each rule is data (a stable id users can re-level or turn off, a
// default level, documentation) and one small function.
type Rule struct {
	ID    string
	Level report.Level
	// Summary is the one-line description; Doc the rest of the
	// documentation that apilint explain prints.
	Summary string
	Doc     string
	// Lint rules look at one spec (apilint contract lint); the others
	// at a diff.
	Lint bool

	check func(in *ruleInput) []change
}

// ruleInput is what a rule may look at.
type ruleInput struct {
	base, rev *Spec // base is nil for lint rules
	// breaking are the operations of error-level oasdiff changes, and
	// how many changes there were, for the version rule.
	breaking      []string
	breakingCount int
}

// Rule ids, for the rules that other code refers to.
const (
	RuleDeprecatedHeaderMissing = "api-deprecated-header-missing"
	RuleSunsetHeaderMissing     = "api-sunset-header-missing"
	RuleVersionNotBumped        = "breaking-change-without-version-bump"
	RuleDeprecationExample      = "api-deprecation-header-example-invalid"
	RuleSunsetExample           = "api-sunset-header-example-invalid"
	RuleListWithoutPagination   = "api-list-without-pagination"
	RuleErrorSchemaInconsistent = "api-error-schema-inconsistent"
	RulePathWithoutVersion      = "api-path-without-version"
)

// Rules lists apilint's own contract rules.
var Rules = []*Rule{
	{
		ID: RuleDeprecatedHeaderMissing, Level: report.Error,
		Summary: "a deprecated operation's 2xx responses do not declare the Deprecation header",
		Doc: `An operation marked deprecated: true in the revision must tell its callers at run time, not
only in the spec: clients do not reread specs, but they can log response headers. RFC 9745
defines the Deprecation response header for this ("Deprecation: @1688169599", the moment
of deprecation as an RFC 9651 date). Declare it on every 2xx response of the operation,
inline or through a $ref to components/headers; the name is matched case-insensitively.

Fix:
    responses:
      "200":
        headers:
          Deprecation:
            description: when this operation was deprecated (RFC 9745)
            schema: {type: string}
            example: "@1688169599"`,
		// Reports the three rules below too: they share its walk.
		check: checkDeprecationHeaders,
	},
	{
		ID: RuleSunsetHeaderMissing, Level: report.Error,
		Summary: "a deprecated operation with x-sunset does not declare the Sunset header",
		Doc: `An operation that is deprecated and has an x-sunset date will stop working on that date. RFC 8594
defines the Sunset response header that tells clients when ("Sunset: Sat, 31 Dec 2024
23:59:59 GMT"). Declare it on every 2xx response of the operation, inline or through a
$ref; the name is matched case-insensitively.`,
		// Reported by checkDeprecationHeaders.
	},
	{
		ID: RuleDeprecationExample, Level: report.Error,
		Summary: "a Deprecation header example is not an RFC 9651 date",
		Doc: `Where the Deprecation header has an example, it must be what RFC 9745 sends: an RFC 9651 date,
"@" and Unix seconds ("@1688169599"). The value "true" of the earlier drafts is still sent by
some servers and is reported as a warning; anything else is an error. Clients parse the
header, so a wrong example teaches the server's authors to send a wrong value.`,
		// Reported by checkDeprecationHeaders.
	},
	{
		ID: RuleSunsetExample, Level: report.Error,
		Summary: "a Sunset header example is not an HTTP-date, is before the deprecation, or differs from x-sunset",
		Doc: `Where the Sunset header has an example, it must be an HTTP-date (RFC 9110, "Sat, 31 Dec 2024
23:59:59 GMT"), no earlier than the Deprecation header's example, and on the day of the
operation's x-sunset, so that the spec, the header and oasdiff's sunset policy agree.`,
		// Reported by checkDeprecationHeaders.
	},
	{
		ID: RuleVersionNotBumped, Level: report.Error,
		Summary: "the revision has breaking changes but info.version's major part did not increase",
		Doc: `A breaking change needs a new major version (semver), so that clients pinned to the old one
know not to upgrade blindly; better still, a new /v2/ path beside the old one. The rule fires
when the diff has error-level breaking changes and info.version did not go up by a major
version. Below 1.0.0 a minor increase is enough, as semver allows. A version that is not
semver (a date, say) is compared as a string: a string that did not increase is reported,
and one that did is accepted with a note saying how it was judged.`,
		check: checkVersionBump,
	},
	{
		ID: RuleListWithoutPagination, Level: report.Warning, Lint: true,
		Summary: "a GET operation that returns an array has no pagination parameter",
		Doc: `A list endpoint without pagination returns every row there is: fine at 100 rows, a timeout
and an out-of-memory at 10 million. The rule fires on GET operations whose 2xx JSON response
is an array, or an object whose only array property is the list ("data", "items", ...), and
that have no query parameter named like limit, page, per_page, page_size, cursor,
starting_after, offset, after or before.`,
		check: checkPagination,
	},
	{
		ID: RuleErrorSchemaInconsistent, Level: report.Warning, Lint: true,
		Summary: "error responses use different schemas across operations",
		Doc: `Clients handle errors in one place; if operations describe their 4xx/5xx bodies with different
schemas, every client needs a special case per endpoint. The rule finds the error schema most
operations use (by $ref, or by shape when inline) and reports the operations that use another.
Use one error schema (RFC 9457 problem details is a good one) everywhere.`,
		check: checkErrorSchemas,
	},
	{
		ID: RulePathWithoutVersion, Level: report.Warning, Lint: true,
		Summary: "a path has no version segment such as /v1/",
		Doc: `Establish versioning from day one: with /v1/ in every path (or in every server URL), a breaking
change can ship as /v2/ beside the old version instead of breaking every client at once. The
rule fires on paths with no segment like v1, v2 or v2beta when no server URL carries one.`,
		check: checkPathVersions,
	},
}

// ruleByID finds one of our rules.
func ruleByID(id string) *Rule {
	for _, r := range Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// httpMethods in the order operations are reported.
var httpMethods = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"}

// operation is one operation of a spec, in path order.
type operation struct {
	path, method string
	op           *openapi3.Operation
}

func (o operation) name() string { return o.method + " " + o.path }

// operations lists t's operations sorted by path, then method.
func operations(t *openapi3.T) []operation {
	if t == nil || t.Paths == nil {
		return nil
	}
	var out []operation
	paths := t.Paths.Map()
	keys := make([]string, 0, len(paths))
	for k := range paths {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, p := range keys {
		out = append(out, pathOperations(p, paths[p])...)
	}
	return out
}

// pathOperations lists the operations of one path item.
func pathOperations(path string, item *openapi3.PathItem) []operation {
	if item == nil {
		return nil
	}
	var out []operation
	for _, m := range httpMethods {
		if op := item.GetOperation(m); op != nil {
			out = append(out, operation{path: path, method: m, op: op})
		}
	}
	return out
}

// successResponses returns the 2xx responses of op by status, sorted.
func successResponses(op *openapi3.Operation) ([]string, map[string]*openapi3.Response) {
	if op.Responses == nil {
		return nil, nil
	}
	m := map[string]*openapi3.Response{}
	var codes []string
	for code, ref := range op.Responses.Map() {
		if !strings.HasPrefix(code, "2") || ref == nil || ref.Value == nil {
			continue
		}
		m[code] = ref.Value
		codes = append(codes, code)
	}
	sort.Strings(codes)
	return codes, m
}

// header finds a response header by name, case-insensitively, as HTTP
// compares header names.
func header(r *openapi3.Response, name string) *openapi3.Header {
	for k, h := range r.Headers {
		if strings.EqualFold(k, name) && h != nil && h.Value != nil {
			return h.Value
		}
	}
	return nil
}

// headerExamples returns the examples given for h: its example, its
// examples and its schema's example.
func headerExamples(h *openapi3.Header) []any {
	var out []any
	if h.Example != nil {
		out = append(out, h.Example)
	}
	keys := make([]string, 0, len(h.Examples))
	for k := range h.Examples {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if e := h.Examples[k]; e != nil && e.Value != nil && e.Value.Value != nil {
			out = append(out, e.Value.Value)
		}
	}
	if h.Schema != nil && h.Schema.Value != nil && h.Schema.Value.Example != nil {
		out = append(out, h.Schema.Value.Example)
	}
	return out
}

// structuredDate is an RFC 9651 Date: "@" and an integer of seconds.
var structuredDate = regexp.MustCompile(`^@-?[0-9]{1,15}$`)

// checkDeprecationHeaders implements the four Deprecation/Sunset rules;
// they share the walk over deprecated operations and each is reported
// under its own id.
func checkDeprecationHeaders(in *ruleInput) []change {
	var out []change
	for _, o := range operations(in.rev.T) {
		if !o.op.Deprecated {
			continue
		}
		sunset, hasSunset := sunsetDate(o.op.Extensions)
		codes, responses := successResponses(o.op)
		var noDeprecation, noSunset []string
		for _, code := range codes {
			r := responses[code]
			pos := in.rev.position("paths", o.path, strings.ToLower(o.method), "responses", code)
			dep := header(r, "Deprecation")
			if dep == nil {
				noDeprecation = append(noDeprecation, code)
			}
			var depTime time.Time
			if dep != nil {
				var cs []change
				depTime, cs = checkDeprecationExample(o, code, dep, pos)
				out = append(out, cs...)
			}
			if _, ok := o.op.Extensions["x-sunset"]; !ok {
				continue
			}
			sun := header(r, "Sunset")
			if sun == nil {
				noSunset = append(noSunset, code)
				continue
			}
			out = append(out, checkSunsetExample(o, code, sun, depTime, sunset, hasSunset, pos)...)
		}
		pos := in.rev.position("paths", o.path, strings.ToLower(o.method))
		if len(noDeprecation) > 0 {
			out = append(out, change{
				rule: RuleDeprecatedHeaderMissing, operation: o.name(), pos: pos, key: o.name(),
				message: fmt.Sprintf("%s is deprecated but its %s %s no Deprecation header (RFC 9745): "+
					"clients cannot see the deprecation at run time; declare the header on every 2xx response",
					o.name(), plural(len(noDeprecation), "response", "responses")+" "+strings.Join(noDeprecation, ", "),
					plural(len(noDeprecation), "declares", "declare")),
			})
		}
		if len(noSunset) > 0 {
			out = append(out, change{
				rule: RuleSunsetHeaderMissing, operation: o.name(), pos: pos, key: o.name(),
				message: fmt.Sprintf("%s is deprecated with x-sunset but its %s %s no Sunset header (RFC 8594): "+
					"clients cannot learn when it stops working; declare the header on every 2xx response",
					o.name(), plural(len(noSunset), "response", "responses")+" "+strings.Join(noSunset, ", "),
					plural(len(noSunset), "declares", "declare")),
			})
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// checkDeprecationExample checks the examples of a Deprecation header and
// returns the date the first valid one gives.
func checkDeprecationExample(o operation, code string, h *openapi3.Header, pos Position) (time.Time, []change) {
	var when time.Time
	var out []change
	for _, ex := range headerExamples(h) {
		s := fmt.Sprint(ex)
		switch {
		case structuredDate.MatchString(s):
			if when.IsZero() {
				sec, _ := strconv.ParseInt(s[1:], 10, 64)
				when = time.Unix(sec, 0).UTC()
			}
		case s == "true":
			out = append(out, change{
				rule: RuleDeprecationExample, level: report.Warning, operation: o.name(), pos: pos, key: o.name() + " " + code + " legacy",
				message: fmt.Sprintf("%s response %s: the Deprecation header example is the legacy \"true\"; "+
					"RFC 9745 sends the date of deprecation as an RFC 9651 date such as @1688169599", o.name(), code),
			})
		default:
			out = append(out, change{
				rule: RuleDeprecationExample, operation: o.name(), pos: pos, key: o.name() + " " + code,
				message: fmt.Sprintf("%s response %s: the Deprecation header example %q is not an RFC 9651 date; "+
					"RFC 9745 sends \"@\" and Unix seconds, such as @1688169599", o.name(), code, s),
			})
		}
	}
	return when, out
}

// checkSunsetExample checks the examples of a Sunset header against the
// Deprecation date and x-sunset.
func checkSunsetExample(o operation, code string, h *openapi3.Header, deprecated time.Time, sunset time.Time, hasSunset bool, pos Position) []change {
	var out []change
	bad := func(format string, args ...any) {
		msg := fmt.Sprintf("%s response %s: ", o.name(), code) + fmt.Sprintf(format, args...)
		out = append(out, change{rule: RuleSunsetExample, operation: o.name(), pos: pos, key: msg, message: msg})
	}
	for _, ex := range headerExamples(h) {
		s := fmt.Sprint(ex)
		t, err := http.ParseTime(s)
		if err != nil {
			bad("the Sunset header example %q is not an HTTP-date such as \"Sat, 31 Dec 2024 23:59:59 GMT\" (RFC 8594)", s)
			continue
		}
		if !deprecated.IsZero() && t.Before(deprecated) {
			bad("the Sunset header example %s is before the Deprecation example (%s): an operation cannot stop working before it is deprecated",
				s, deprecated.Format(http.TimeFormat))
		}
		if hasSunset && t.UTC().Format(time.DateOnly) != sunset.UTC().Format(time.DateOnly) {
			bad("the Sunset header example %s is not on the operation's x-sunset date %s; the spec and the header must agree",
				s, sunset.Format(time.DateOnly))
		}
	}
	return out
}

// sunsetDate reads an operation's x-sunset: a date or an RFC 3339 time.
func sunsetDate(ext map[string]any) (time.Time, bool) {
	s, ok := ext["x-sunset"].(string)
	if !ok {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// semverPattern is semver 2.0's shape, with the leading "v" people add.
var semverPattern = regexp.MustCompile(`^v?([0-9]+)\.([0-9]+)\.([0-9]+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// checkVersionBump reports error-level breaking changes shipped without a
// major version increase.
func checkVersionBump(in *ruleInput) []change {
	if in.breakingCount == 0 || in.base == nil {
		return nil
	}
	from, to := version(in.base.T), version(in.rev.T)
	pos := in.rev.position("info", "version")
	what := fmt.Sprintf("%d error-level breaking %s", in.breakingCount, plural(in.breakingCount, "change", "changes"))
	fix := "raise the major version, or better, serve the change under a new /vN/ path beside the old one"
	b, bok := parseSemver(from)
	r, rok := parseSemver(to)
	c := change{rule: RuleVersionNotBumped, pos: pos, key: "info.version", operations: in.breaking}
	switch {
	case bok && rok:
		bumped := r[0] > b[0] || (b[0] == 0 && r[0] == 0 && r[1] > b[1])
		if bumped {
			return nil
		}
		c.message = fmt.Sprintf("%s but info.version went from %s to %s: the major part did not increase; %s", what, from, to, fix)
	case to > from:
		c.level = report.Note
		c.message = fmt.Sprintf("%s; info.version went from %q to %q, which are not semver, so they were compared as strings and the increase was taken as a major one", what, from, to)
	default:
		c.message = fmt.Sprintf("%s but info.version went from %q to %q (not semver, compared as strings): it did not increase; %s", what, from, to, fix)
	}
	return []change{c}
}

func version(t *openapi3.T) string {
	if t == nil || t.Info == nil {
		return ""
	}
	return t.Info.Version
}

// parseSemver returns major, minor and patch.
func parseSemver(v string) ([3]int, bool) {
	m := semverPattern.FindStringSubmatch(v)
	if m == nil {
		return [3]int{}, false
	}
	var out [3]int
	for i := range out {
		n, err := strconv.Atoi(m[i+1])
		if err != nil {
			return [3]int{}, false
		}
		out[i] = n
	}
	return out, true
}
