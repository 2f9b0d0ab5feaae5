package report

import (
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"sync"
)

// CommentLimit is the most characters a GitHub pull-request comment
// holds (65,536); Markdown meant for one stays under it, counting bytes,
// which are never fewer than characters.
const CommentLimit = 65536

// markdownOperations is how many operations a finding's details list.
const markdownOperations = 50

// MarkdownOptions shape the Markdown report.
type MarkdownOptions struct {
	// Limit is the most bytes written: findings that do not fit are left
	// out, with a note saying how many. 0 means CommentLimit.
	Limit int
}

// Markdown writes a report that fits a pull-request comment (see
// MarkdownWith).
func Markdown(w io.Writer, fs []Finding) error {
	return MarkdownWith(w, fs, MarkdownOptions{})
}

// MarkdownWith writes a summary line, a table of counts per rule, and one
// collapsed <details> block per finding, its summary line the rule, the
// place and the start of the message. Findings come most serious first;
// those that would take the report past the limit are left out and
// counted in a closing note.
func MarkdownWith(w io.Writer, fs []Finding, o MarkdownOptions) error {
	limit := o.Limit
	if limit <= 0 {
		limit = CommentLimit
	}
	if len(fs) == 0 {
		_, err := io.WriteString(w, "**apilint**: no findings.\n")
		return err
	}
	s := Summarize(fs)
	var b strings.Builder
	fmt.Fprintf(&b, "**apilint**: %d %s (%d %s, %d %s, %d %s)\n\n",
		len(fs), plural(len(fs), "finding", "findings"),
		s.Error, plural(s.Error, "error", "errors"),
		s.Warning, plural(s.Warning, "warning", "warnings"),
		s.Note, plural(s.Note, "note", "notes"))

	// The note that closes a truncated report, with room for its numbers.
	const note = "\n**%d of %d %s not shown**: they do not fit in %s. Run apilint with --format text, or read the job summary, for all of them.\n"
	reserve := len(note) + 64
	budget := limit - reserve

	counts := CountRules(fs)
	table := "| level | rule | findings | operations |\n| --- | --- | ---: | ---: |\n"
	rows := 0
	for _, c := range counts {
		row := fmt.Sprintf("| %s | `%s` | %d | %d |\n", c.Level, mdCell(c.Rule), c.Findings, c.Operations)
		if b.Len()+len(table)+len(row) > budget/2 {
			break
		}
		table += row
		rows++
	}
	if rows < len(counts) {
		table += fmt.Sprintf("| | %d more rules | | |\n", len(counts)-rows)
	}
	b.WriteString(table)
	b.WriteByte('\n')

	shown := 0
	for _, g := range fold(bySeverity(fs)) {
		block := mdFinding(g)
		if b.Len()+len(block) > budget {
			break
		}
		b.WriteString(block)
		shown += 1 + len(g.also)
	}
	if shown < len(fs) {
		rest := len(fs) - shown
		what := "a pull-request comment (65,536 characters)"
		if limit != CommentLimit {
			what = fmt.Sprintf("%d bytes", limit)
		}
		fmt.Fprintf(&b, note, rest, len(fs), plural(rest, "finding is", "findings are"), what)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdFinding renders one finding, and those folded into it, as a
// collapsed <details> block.
func mdFinding(g folded) string {
	f := g.Finding
	var b strings.Builder
	where := strings.TrimSuffix(location(f), ": ")
	b.WriteString("<details><summary>")
	fmt.Fprintf(&b, "<b>%s</b> <code>%s</code>", f.Level, html.EscapeString(f.Rule))
	if where != "" {
		fmt.Fprintf(&b, " at <code>%s</code>", html.EscapeString(where))
	}
	if n := len(g.also); n > 0 {
		fmt.Fprintf(&b, " and %d more %s", n, plural(n, "place", "places"))
	}
	if n := len(f.Operations); n > 0 {
		fmt.Fprintf(&b, " (%d %s)", n, plural(n, "operation", "operations"))
	}
	first := firstSentence(f.Message)
	fmt.Fprintf(&b, ": %s</summary>\n\n", codeSpans().ReplaceAllString(html.EscapeString(first), "<code>$1</code>"))
	if first != strings.Join(strings.Fields(f.Message), " ") {
		b.WriteString(mdText(f.Message))
		b.WriteString("\n\n")
	}
	if len(f.Chain) > 0 {
		b.WriteString("Chain: " + mdCode(f.Chain, " → ") + "\n\n")
	}
	if len(g.also) > 0 {
		places := make([]string, 0, len(g.also))
		for _, a := range g.also[:min(len(g.also), markdownOperations)] {
			places = append(places, strings.TrimSuffix(location(a), ": "))
		}
		b.WriteString("The same at: " + mdCode(places, ", "))
		if rest := len(g.also) - len(places); rest > 0 {
			fmt.Fprintf(&b, " and %d more", rest)
		}
		b.WriteString("\n\n")
	}
	if ops := f.Operations; len(ops) > 0 {
		shown := ops[:min(len(ops), markdownOperations)]
		b.WriteString("Operations: " + mdCode(shown, ", "))
		if rest := len(ops) - len(shown); rest > 0 {
			fmt.Fprintf(&b, " and %d more", rest)
		}
		b.WriteString("\n\n")
	}
	b.WriteString("</details>\n")
	return b.String()
}

// codeSpans are `code` in a message, which HTML (a <summary>) shows as
// <code>.
var codeSpans = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("`([^`]*)`") })

// firstSentence is the start of a message, for a summary line.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 160 {
		s = string(r[:157]) + "..."
	}
	return s
}

// mdText escapes what would start markup in a paragraph; `code` stays.
func mdText(s string) string {
	return strings.NewReplacer("<", "&lt;", ">", "&gt;", "\r", "", "\n", "  \n").Replace(s)
}

// mdCode renders names as inline code.
func mdCode(names []string, sep string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = "`" + strings.ReplaceAll(n, "`", "'") + "`"
	}
	return strings.Join(parts, sep)
}

// mdCell escapes what would end a table cell or start markup.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", "<br>", "\r", "", "<", "&lt;", ">", "&gt;").Replace(s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
