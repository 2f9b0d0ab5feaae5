package blocking

import (
	"strings"
	"unicode"

	"github.com/apilint/apilint/internal/effects"
)

// defaultDiagnostic are the words that name a diagnostic endpoint: one
// that exists to do the slow work and report how it went (send a test
// mail, try a notification rule, fire an alert once).
const defaultDiagnostic = "test,tryrun,dryrun,testfire"

// diagnostic reports whether handler h is a diagnostic endpoint: a word of
// one of its route patterns (/smtp-config-test, /notify-rule/test) or of
// its name (notifyTest, alertRuleTryRun, testSMTPConfig) is one of words,
// alone or joined with the next (try-run, TryRun). Its response is the
// outcome of the work, so answering 202 Accepted first would defeat it.
func diagnostic(h *effects.Handler, words map[string]bool) bool {
	if len(words) == 0 {
		return false
	}
	names := []string{h.Name}
	if h.Func != nil {
		names = append(names, h.Func.Name())
	}
	for _, r := range h.Routes {
		names = append(names, r.Pattern)
	}
	for _, n := range names {
		ws := splitWords(n)
		for i, w := range ws {
			if words[w] || i+1 < len(ws) && words[w+ws[i+1]] {
				return true
			}
		}
	}
	return false
}

// splitWords splits an identifier or a path into lower-case words: at
// every character that is neither a letter nor a digit, and at case
// changes (testSMTPConfig: test, smtp, config).
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || unicode.IsUpper(rs[i-1]) && nextLower {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// wordSet is a comma-separated list of words given as a flag, parsed once
// when the flag is set.
type wordSet struct {
	list string
	set  map[string]bool
}

// String returns the list as given.
func (w *wordSet) String() string { return w.list }

// Type names the flag's value in help text (pflag asks for it).
func (w *wordSet) Type() string { return "string" }

// Set parses list.
func (w *wordSet) Set(list string) error {
	w.list, w.set = list, make(map[string]bool)
	for _, word := range strings.Split(list, ",") {
		if word = strings.ToLower(strings.TrimSpace(word)); word != "" {
			w.set[word] = true
		}
	}
	return nil
}
