package contract

import (
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apilint/apilint/internal/apis"
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
	// apis knows the pagination parameter names.
	apis *apis.Table
	// basePath maps a path of the revision to the base's, under the
	// prefix options; nil is the identity.
	basePath func(string) string
}

// table returns the knowledge table, the builtin one by default.
func (in *ruleInput) table() *apis.Table {
	if in.apis == nil {
		in.apis = apis.New(apis.Extensions{})
	}
	return in.apis
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
	RuleDeprecationLint         = "api-deprecated-operation-headers"
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
		Summary: "the revision has breaking changes inside a version that clients already use",
		Doc: `A breaking change needs a new version, so that clients of the old one keep working. How an API
versions decides what "new" means, and the rule detects it:
  - in the URL (a server URL ending in /client/v4 or /2.0, or paths under /v1/, /2010-04-01/):
    a breaking change to an operation inside a version the base already served is reported,
    whatever info.version says; one under a server URL whose version went up (v4 to v5) is not;
  - in info.version as a date (Stripe's 2023-08-16): a later date is a new version;
  - in info.version as semver, vN or numbers (2.0, 2024.0): the major part must go up,
    compared as numbers (v9 to v10 is an increase); below 1.0.0 a minor increase is enough.
A version apilint cannot read that changed is reported as a note. The message names the
scheme detected. Fix: serve the changed operations under a new version beside the old one,
or make the change compatible.`,
		check: checkVersionBump,
	},
	{
		ID: RuleListWithoutPagination, Level: report.Warning, Lint: true,
		Summary: "a GET operation that returns a list that grows with the data has no pagination parameter",
		Doc: `A list endpoint without pagination returns every row there is: fine at 100 rows, a timeout
and an out-of-memory at 10 million. The rule fires on GET operations whose 2xx JSON response
is an array, or an envelope whose one array property carries the list (through allOf), and
that take no query parameter named as apis.PaginationParams lists (limit, page, per_page,
cursor, offset, ...; apis.pagination-params in .apilint.yml replaces the names).
A list of a set the code defines (capabilities, report types, regions) does not grow with the
data and is not reported when the spec says so: maxItems on the array, items that are enum
values or keyed by one (an id, name, type or code with an enum), an envelope that states its
own limit ({entries, limit}), or x-pagination: false (also x-bounded, x-ms-pageable) on the
operation or the array. Where only the path suggests it (a last segment such as regions,
sizes, types, capabilities, settings, roles, models) or a required query parameter makes it
a lookup, the finding is a note.`,
		check: checkPagination,
	},
	{
		ID: RuleErrorSchemaInconsistent, Level: report.Warning, Lint: true,
		Summary: "error responses use different schemas across operations",
		Doc: `Clients handle errors in one place; if operations describe their 4xx/5xx bodies with different
schemas, every client needs a special case per endpoint. The rule finds the error schema most
operations use or extend (by $ref, through allOf, or by shape when inline) and reports the
operations whose error schema neither is it nor extends it (an allOf with it, or all of its
properties and more). RFC 6749's OAuth error body ({error, error_description}), which token
endpoints must send, is not reported. Use one error schema (RFC 9457 problem details is a good
one) everywhere.`,
		check: checkErrorSchemas,
	},
	{
		ID: RulePathWithoutVersion, Level: report.Warning, Lint: true,
		Summary: "paths carry no version segment such as /v1/, /2.0/ or a date",
		Doc: `Establish versioning from day one: with the version in every path or in the server URL, a
breaking change can ship as a new version beside the old one instead of breaking every client
at once. A version segment is vN (v1, v2beta1), numbers (2.0) or a date (2010-04-01); the rule
is silent when the server URLs carry one. It reports, in one finding, the paths without one.`,
		check: checkPathVersions,
	},
	{
		ID: RuleDeprecationLint, Level: report.Warning, Lint: true,
		Summary: "a deprecated operation does not declare the Deprecation and Sunset headers, or gives bad examples",
		Doc: `contract lint's view of the Deprecation and Sunset header rules (api-deprecated-header-missing,
api-sunset-header-missing, api-deprecation-header-example-invalid,
api-sunset-header-example-invalid), over every deprecated operation of one spec. contract diff
reports those rules only for operations that the diff deprecates or whose deprecation it
changes, so that a pull request is not blamed for what it did not touch; this rule finds the
rest. Missing headers are one finding per header, listing the operations.`,
		check: checkDeprecationLint,
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
