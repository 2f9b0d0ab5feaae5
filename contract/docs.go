package contract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/oasdiff/oasdiff/checker"

	"github.com/apilint/apilint/internal/report"
)

// RuleIDs lists every contract rule id, ours and oasdiff's, sorted.
func RuleIDs() []string {
	ids := checker.GetAllRuleIds()
	for _, r := range Rules {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	return ids
}

// placeholder matches the fmt verbs of oasdiff's message templates, which
// its localizer has already run through fmt with no arguments.
var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%!?[a-z](\(MISSING\))?`) })

// Doc returns the documentation of a contract rule, ours or oasdiff's,
// as apilint explain prints it. For oasdiff's rules it is built from the
// descriptions and message templates oasdiff keeps per rule id.
func Doc(id string) (string, bool) {
	if r := ruleByID(id); r != nil {
		kind := "apilint contract diff"
		if r.Lint {
			kind = "apilint contract lint"
		}
		return fmt.Sprintf("%s: %s\n\nDefault level: %s. Reported by %s.\n\n%s\n\n%s",
			r.ID, r.Summary, r.Level, kind, r.Doc, overrideHelp(r.ID)), true
	}
	for _, r := range checker.GetAllRules() {
		if r.Id != id {
			continue
		}
		l := checker.NewLocalizer("en")
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %s\n\n", r.Id, localized(l, r.Description, "(no description)"))
		fmt.Fprintf(&b, "Default level: %s. A check of oasdiff's, run by apilint contract diff.\n\n", fromOasdiff(r.Level))
		if tmpl := localized(l, r.Id, ""); tmpl != "" {
			fmt.Fprintf(&b, "Message: %s\n\n", placeholder().ReplaceAllString(tmpl, "…"))
		}
		if why := ruleWhy(r.Id, localized(l, r.Id+"-comment", "")); why != "" {
			fmt.Fprintf(&b, "Why: %s\n\n", why)
		}
		b.WriteString("apilint reports one finding per root cause: a change to a shared schema that oasdiff\n" +
			"finds once per operation and route is one finding that lists every operation it affects\n" +
			"(--no-group shows oasdiff's changes one by one).\n\n")
		b.WriteString(overrideHelp(r.Id))
		return b.String(), true
	}
	return "", false
}

// localized looks key up, or returns def when oasdiff has no text for it
// (its localizer returns the key itself then).
func localized(l checker.Localizer, key, def string) string {
	if s := l(key); s != key && s != "" {
		return s
	}
	return def
}

// overrideHelp shows how to re-level a rule in .apilint.yml, in the form
// internal/config loads (TestOverrideHelpParses holds them together).
func overrideHelp(id string) string {
	return fmt.Sprintf("Re-level or turn off in .apilint.yml:\n%s", indent(OverrideSnippet(id), "    "))
}

// OverrideSnippet is the .apilint.yml that sets rule id's level.
func OverrideSnippet(id string) string {
	return fmt.Sprintf("contract:\n  rules:\n    %s: warning   # error, warning, note or off\n", id)
}

func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "")
}

// RuleInfo is one line of the rule catalogue (apilint rules).
type RuleInfo struct {
	ID      string       `json:"id"`
	Level   report.Level `json:"level"`
	Summary string       `json:"summary"`
	// Source is "contract diff", "contract lint" (apilint's own rules)
	// or "oasdiff" (oasdiff's checks, run by contract diff).
	Source string `json:"source"`
}

// Catalog lists every contract rule, apilint's then oasdiff's, each with
// its default level and one line.
func Catalog() []RuleInfo {
	var out []RuleInfo
	for _, r := range Rules {
		src := "contract diff"
		if r.Lint {
			src = "contract lint"
		}
		out = append(out, RuleInfo{ID: r.ID, Level: r.Level, Summary: r.Summary, Source: src})
	}
	l := checker.NewLocalizer("en")
	for _, r := range checker.GetAllRules() {
		out = append(out, RuleInfo{ID: r.Id, Level: fromOasdiff(r.Level), Summary: localized(l, r.Description, ""), Source: "oasdiff"})
	}
	return out
}
