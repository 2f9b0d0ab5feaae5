package contract

import (
	"regexp"
	"strings"
	"sync"

	"github.com/oasdiff/oasdiff/checker"
)

// oasdiff's messages say what changed; most also say, in a comment, why it
// matters. Where there is no comment, and the message alone ("api removed
// without deprecation") leaves the reader to guess the harm and the fix,
// apilint adds both. Comments that name oasdiff's own flags are reworded
// to name what apilint has instead.

// why says why a change hurts and what to do, for rules whose oasdiff
// message stands alone.
var why = map[string]string{
	"api-removed-without-deprecation": "Clients still calling this operation get an error with no warning. " +
		"Mark it deprecated: true with an x-sunset date first, serve the Deprecation and Sunset headers, " +
		"and remove it once the sunset date has passed (--min-sunset-days sets the shortest notice)",
	"api-path-removed-without-deprecation": "Clients still calling this path get a 404 with no warning. " +
		"Deprecate its operations with an x-sunset date first and remove the path once that date has passed",
	"api-removed-before-sunset":      "The operation promised to work until its sunset date; clients that planned by that date break early. Keep it until the date passes",
	"api-path-removed-before-sunset": "The path promised to work until its sunset date; clients that planned by that date break early. Keep it until the date passes",
	"api-deprecated-sunset-missing": "Clients cannot plan a migration without a date. Add x-sunset (a date) beside deprecated: true, " +
		"and serve it in the Sunset header (RFC 8594)",
	"api-sunset-date-too-small": "Clients get less notice than the sunset policy promises before the operation stops working. " +
		"Move x-sunset later (--min-sunset-days, 180 by default, sets the policy)",
	"sunset-deleted":                    "Clients lose the date they were planning by while the operation stays deprecated; keep x-sunset, or un-deprecate the operation",
	"new-required-request-parameter":    "Every existing client omits it, so every existing call now fails validation. Make it optional with a default, or add it in a new version",
	"new-request-path-parameter":        "Existing clients build the old path and now miss",
	"request-parameter-became-required": "Existing clients that omit it now fail validation. Keep it optional with a default",
	"request-parameter-became-enum":     "Values that clients send today and that are not in the list are now rejected",
	"request-parameter-enum-value-removed": "Clients that send this value are now rejected. " +
		"Keep accepting it (and document it as deprecated) until clients have moved",
	"request-property-enum-value-removed": "Clients that send this value are now rejected. " +
		"Keep accepting it (and document it as deprecated) until clients have moved",
	"request-property-became-enum":            "Values that clients send today and that are not in the list are now rejected",
	"request-property-became-not-nullable":    "Clients that send null are now rejected",
	"request-parameter-became-not-nullable":   "Clients that send null are now rejected",
	"request-parameter-removed-before-sunset": "The parameter promised to work until its sunset date; keep accepting it until then",
}

// generic says why, by the side of the contract a rule is on, for the
// other rules at warning or error level with no comment.
func generic(rule string) string {
	switch {
	case strings.HasPrefix(rule, "request-") || strings.HasPrefix(rule, "new-required-request") || strings.HasPrefix(rule, "new-request"):
		return "Requests that were valid under the old contract may now be rejected, so existing clients can fail"
	case strings.HasPrefix(rule, "response-"):
		return "Responses may now differ from what clients written against the old contract expect"
	case strings.HasPrefix(rule, "api-security") || strings.HasPrefix(rule, "api-global-security"):
		return "Clients authenticating as before may now be refused"
	}
	return ""
}

// defaultLevels are oasdiff's default levels by rule id.
var defaultLevels = sync.OnceValue(func() map[string]checker.Level {
	out := map[string]checker.Level{}
	for _, r := range checker.GetAllRules() {
		out[r.Id] = r.Level
	}
	return out
})

// comment is a change's comment (why it matters).
func comment(c checker.Change, l checker.Localizer) string {
	return c.GetComment(l)
}

// severityFlag matches oasdiff's advice to re-level a check by its flag.
var severityFlag = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(lower|downgrade) this check with --severity-levels`)
})

// rewordFlags rewrites oasdiff's advice about its own flags as advice
// about apilint's. --flatten-allof is one of apilint's own flags too.
func rewordFlags(s, rule string) string {
	if !strings.Contains(s, "--") {
		return s
	}
	return severityFlag().ReplaceAllString(s, "${1} this rule in .apilint.yml (contract: rules: "+rule+": warning)")
}

// ruleWhy is why a change under rule matters: oasdiff's comment, its flags
// reworded, or apilint's words where oasdiff has none.
func ruleWhy(rule, comment string) string {
	if comment != "" {
		return rewordFlags(comment, rule)
	}
	if w := why[rule]; w != "" {
		return w
	}
	if defaultLevels()[rule] >= checker.WARN {
		return generic(rule)
	}
	return ""
}

// withWhy joins a message and why it matters.
func withWhy(rule, msg, comment string) string {
	if w := ruleWhy(rule, comment); w != "" {
		return msg + ". " + w
	}
	return msg
}
