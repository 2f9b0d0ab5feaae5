package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// TextOptions shape the text report.
type TextOptions struct {
	// Operations is how many of a finding's operations are listed before
	// "and N more": 0 means DefaultOperations, a negative number all.
	Operations int
}

// DefaultOperations is how many operations a finding lists by default:
// enough to see the kind of operation a change reaches, few enough that
// a change to a shared schema (446 operations on Stripe) stays one
// finding on the screen.
const DefaultOperations = 5

// Text writes one line per finding, "file:line:col: rule: message", with
// the call chain indented below it and the first affected operations
// after it.
func Text(w io.Writer, fs []Finding) error {
	return TextWith(w, fs, TextOptions{})
}

// TextWith is Text with options.
func TextWith(w io.Writer, fs []Finding, o TextOptions) error {
	limit := o.Operations
	if limit == 0 {
		limit = DefaultOperations
	}
	var b strings.Builder
	for _, g := range fold(fs) {
		f := g.Finding
		b.WriteString(location(f))
		b.WriteString(f.Rule)
		if f.Level != "" && f.Level != Error {
			b.WriteString(" (" + string(f.Level) + ")")
		}
		b.WriteString(": ")
		b.WriteString(f.Message)
		b.WriteByte('\n')
		for i, c := range f.Chain {
			b.WriteString("    ")
			if i > 0 {
				b.WriteString("→ ")
			}
			b.WriteString(c)
			b.WriteByte('\n')
		}
		if len(g.also) > 0 {
			places := make([]string, len(g.also))
			for i, a := range g.also {
				places[i] = strings.TrimSuffix(location(a), ": ")
			}
			n := len(places)
			if limit > 0 && n > limit {
				places = places[:limit]
			}
			fmt.Fprintf(&b, "    the same at %d more %s: %s", n, plural(n, "place", "places"), strings.Join(places, ", "))
			if n > len(places) {
				fmt.Fprintf(&b, " and %d more", n-len(places))
			}
			b.WriteByte('\n')
		}
		shown := f.Operations
		if limit > 0 && len(shown) > limit {
			shown = shown[:limit]
		}
		for _, op := range shown {
			b.WriteString("    " + op + "\n")
		}
		if rest := len(f.Operations) - len(shown); rest > 0 {
			fmt.Fprintf(&b, "    and %d more %s (--all-operations lists them)\n", rest, plural(rest, "operation", "operations"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// folded is a finding and the others with the same rule, level and
// message: one change repeated at several places of a spec (a generated
// spec that edits a hundred schemas the same way), read once.
type folded struct {
	Finding
	also []Finding
}

// fold folds the findings about API operations that say the same thing,
// keeping the order of their first occurrence; the folded finding lists
// the operations of all. Findings about code are never folded: each is
// its own line to fix.
func fold(fs []Finding) []folded {
	out := make([]folded, 0, len(fs))
	at := map[string]int{}
	for _, f := range fs {
		if len(f.Operations) == 0 {
			out = append(out, folded{Finding: f})
			continue
		}
		k := string(f.Level) + "\x00" + f.Rule + "\x00" + f.Message
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, folded{Finding: f})
			continue
		}
		g := &out[i]
		g.also = append(g.also, f)
		g.Operations = mergeSorted(g.Operations, f.Operations)
	}
	return out
}

// mergeSorted merges two sorted lists without duplicates.
func mergeSorted(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

func location(f Finding) string {
	switch {
	case f.File == "":
		return ""
	case f.Line == 0:
		return f.File + ": "
	case f.Column == 0:
		return fmt.Sprintf("%s:%d: ", f.File, f.Line)
	}
	return fmt.Sprintf("%s:%d:%d: ", f.File, f.Line, f.Column)
}

// RuleCount is how many findings one rule has at one level, and how many
// operations they affect.
type RuleCount struct {
	Rule       string
	Level      Level
	Findings   int
	Operations int
}

// CountRules counts findings per rule and level, most serious level
// first, then most findings.
func CountRules(fs []Finding) []RuleCount {
	type key struct {
		rule  string
		level Level
	}
	byKey := map[key]*RuleCount{}
	ops := map[key]map[string]bool{}
	for _, f := range fs {
		k := key{f.Rule, f.Level}
		if byKey[k] == nil {
			byKey[k] = &RuleCount{Rule: f.Rule, Level: f.Level}
			ops[k] = map[string]bool{}
		}
		byKey[k].Findings++
		for _, op := range f.Operations {
			ops[k][op] = true
		}
	}
	out := make([]RuleCount, 0, len(byKey))
	for k, c := range byKey {
		c.Operations = len(ops[k])
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Level.Rank() != b.Level.Rank() {
			return a.Level.Rank() > b.Level.Rank()
		}
		if a.Findings != b.Findings {
			return a.Findings > b.Findings
		}
		return a.Rule < b.Rule
	})
	return out
}

// SummaryText writes the counts of findings per level and per rule, the
// view of a large report that fits on a screen.
func SummaryText(w io.Writer, fs []Finding) error {
	var b strings.Builder
	s := Summarize(fs)
	fmt.Fprintf(&b, "%d %s: %d %s, %d %s, %d %s\n", len(fs), plural(len(fs), "finding", "findings"),
		s.Error, plural(s.Error, "error", "errors"), s.Warning, plural(s.Warning, "warning", "warnings"),
		s.Note, plural(s.Note, "note", "notes"))
	counts := CountRules(fs)
	if len(counts) > 0 {
		fmt.Fprintf(&b, "\n%-8s %8s %10s  %s\n", "level", "findings", "operations", "rule")
	}
	for _, c := range counts {
		fmt.Fprintf(&b, "%-8s %8d %10d  %s\n", c.Level, c.Findings, c.Operations, c.Rule)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
