package contract

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apilint/apilint/internal/report"
)

// The Deprecation and Sunset header rules judge a change: in contract
// diff they look at the operations that the diff deprecates, or whose
// deprecation (x-sunset, the headers, their examples) it changes. An
// operation that was deprecated the same way in the base is not news to
// the reviewer of this diff; contract lint reports it, as a warning,
// under api-deprecated-operation-headers.

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
var structuredDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^@-?[0-9]{1,15}$`) })

// checkDeprecationHeaders implements the four Deprecation/Sunset rules of
// contract diff; they share the walk over deprecated operations and each
// is reported under its own id.
func checkDeprecationHeaders(in *ruleInput) []change {
	var out []change
	for _, o := range operations(in.rev.T) {
		if o.op.Deprecated && deprecationChanged(in.base, in.basePath, o) {
			out = append(out, deprecationProblems(in.rev, o)...)
		}
	}
	return out
}

// checkDeprecationLint is contract lint's view of the same problems, on
// every deprecated operation: one finding per missing header across the
// operations that lack it, one per bad example.
func checkDeprecationLint(in *ruleInput) []change {
	var out []change
	for _, o := range operations(in.rev.T) {
		if !o.op.Deprecated {
			continue
		}
		for _, c := range deprecationProblems(in.rev, o) {
			switch c.rule {
			case RuleDeprecatedHeaderMissing:
				c.key = "no Deprecation header"
				c.message = "deprecated operations declare no Deprecation header (RFC 9745) on their 2xx responses: " +
					"clients cannot see the deprecation at run time; declare it on every 2xx response"
			case RuleSunsetHeaderMissing:
				c.key = "no Sunset header"
				c.message = "deprecated operations with an x-sunset date declare no Sunset header (RFC 8594) on their 2xx responses: " +
					"clients cannot learn when they stop working; declare it on every 2xx response"
			}
			c.rule, c.level = RuleDeprecationLint, "" // a warning: not news

			out = append(out, c)
		}
	}
	return out
}

// deprecationChanged reports whether the diff deprecates o, or changes
// how it is deprecated: its x-sunset, or the Deprecation and Sunset
// headers of its 2xx responses and their examples. With no base (lint),
// every operation counts.
func deprecationChanged(base *Spec, basePath func(string) string, o operation) bool {
	if base == nil || base.T.Paths == nil {
		return true
	}
	p := o.path
	if basePath != nil {
		p = basePath(p)
	}
	item := base.T.Paths.Value(p)
	if item == nil {
		return true
	}
	b := item.GetOperation(o.method)
	return b == nil || !b.Deprecated || deprecationState(b) != deprecationState(o.op)
}

// deprecationState renders what of an operation's deprecation clients can
// see: x-sunset, and per 2xx response its Deprecation and Sunset headers
// with their examples.
func deprecationState(op *openapi3.Operation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "sunset=%v", op.Extensions["x-sunset"])
	codes, responses := successResponses(op)
	for _, code := range codes {
		for _, name := range []string{"Deprecation", "Sunset"} {
			if h := header(responses[code], name); h != nil {
				fmt.Fprintf(&b, " %s:%s=%v", code, name, headerExamples(h))
			}
		}
	}
	return b.String()
}

// deprecationProblems checks the headers of one deprecated operation.
func deprecationProblems(s *Spec, o operation) []change {
	var out []change
	sunset, hasSunset := sunsetDate(o.op.Extensions)
	codes, responses := successResponses(o.op)
	var noDeprecation, noSunset []string
	for _, code := range codes {
		r := responses[code]
		pos := s.position("paths", o.path, strings.ToLower(o.method), "responses", code)
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
	pos := s.position("paths", o.path, strings.ToLower(o.method))
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
	return out
}

// checkDeprecationExample checks the examples of a Deprecation header and
// returns the date the first valid one gives.
func checkDeprecationExample(o operation, code string, h *openapi3.Header, pos Position) (time.Time, []change) {
	var when time.Time
	var out []change
	for _, ex := range headerExamples(h) {
		s := fmt.Sprint(ex)
		switch {
		case structuredDate().MatchString(s):
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
