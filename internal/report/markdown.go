package report

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes a summary line and a table, the shape that reads well
// as a pull-request comment; each finding's operations are listed in its
// row, the first few inline and the rest behind a <details> toggle so
// that a change to a shared schema does not bury the table.
func Markdown(w io.Writer, fs []Finding) error {
	var b strings.Builder
	s := Summarize(fs)
	if len(fs) == 0 {
		b.WriteString("**apilint**: no findings.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "**apilint**: %d %s (%d %s, %d %s, %d %s)\n\n",
		len(fs), plural(len(fs), "finding", "findings"),
		s.Error, plural(s.Error, "error", "errors"),
		s.Warning, plural(s.Warning, "warning", "warnings"),
		s.Note, plural(s.Note, "note", "notes"))
	b.WriteString("| level | rule | where | finding |\n| --- | --- | --- | --- |\n")
	for _, f := range fs {
		msg := mdCell(f.Message)
		if len(f.Chain) > 0 {
			msg += "<br>chain: " + mdCell(strings.Join(f.Chain, " → "))
		}
		if ops := f.Operations; len(ops) > 0 {
			const inline = 3
			shown := ops[:min(inline, len(ops))]
			msg += "<br>operations: " + mdCode(shown)
			if rest := ops[len(shown):]; len(rest) > 0 {
				msg += fmt.Sprintf("<details><summary>and %d more</summary>%s</details>", len(rest), mdCode(rest))
			}
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", f.Level, mdCell(f.Rule), mdCell(strings.TrimSuffix(location(f), ": ")), msg)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCode renders names as inline code, comma-separated.
func mdCode(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = "`" + strings.ReplaceAll(mdCell(n), "`", "'") + "`"
	}
	return strings.Join(parts, ", ")
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
