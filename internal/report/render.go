package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "json", "markdown", "github", "sarif"}

// Write renders findings in format to w; sarif uses opts.
func Write(w io.Writer, format string, fs []Finding, opts SARIFOptions) error {
	switch format {
	case "sarif":
		return SARIF(w, fs, opts)
	case "text", "":
		return Text(w, fs)
	case "json":
		return JSON(w, fs)
	case "markdown":
		return Markdown(w, fs)
	case "github":
		return GitHub(w, fs)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// Text writes one line per finding, "file:line:col: rule: message", with
// the call chain indented below it and the affected operations after it.
func Text(w io.Writer, fs []Finding) error {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(location(f))
		b.WriteString(f.Rule)
		if f.Level != "" && f.Level != "error" {
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
		for _, op := range f.Operations {
			b.WriteString("    " + op + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
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

// jsonReport is the shape of --format json.
type jsonReport struct {
	Findings []Finding `json:"findings"`
	Summary  Summary   `json:"summary"`
}

// JSON writes {"findings": [...], "summary": {...}}. Empty lists are [],
// never null.
func JSON(w io.Writer, fs []Finding) error {
	out := jsonReport{Findings: make([]Finding, len(fs)), Summary: Summarize(fs)}
	for i, f := range fs {
		if f.Chain == nil {
			f.Chain = []string{}
		}
		if f.Operations == nil {
			f.Operations = []string{}
		}
		out.Findings[i] = f
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// GitHub writes workflow commands that GitHub Actions shows as
// annotations on the pull request's diff.
func GitHub(w io.Writer, fs []Finding) error {
	var b strings.Builder
	for _, f := range fs {
		cmd := "error"
		switch f.Level {
		case "warning":
			cmd = "warning"
		case "note":
			cmd = "notice"
		}
		props := map[string]string{"title": "apilint " + f.Rule}
		if f.File != "" {
			props["file"] = f.File
		}
		if f.Line > 0 {
			props["line"] = fmt.Sprint(f.Line)
		}
		if f.Column > 0 {
			props["col"] = fmt.Sprint(f.Column)
		}
		msg := f.Message
		if len(f.Chain) > 0 {
			msg += "\nchain: " + strings.Join(f.Chain, " → ")
		}
		if len(f.Operations) > 0 {
			msg += "\noperations: " + strings.Join(f.Operations, ", ")
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", cmd, ghProps(props), ghData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ghProps renders properties in the order GitHub documents them.
func ghProps(props map[string]string) string {
	order := map[string]int{"file": 0, "line": 1, "col": 2, "title": 3}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return order[keys[i]] < order[keys[j]] })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + ghProp(props[k])
	}
	return strings.Join(parts, ",")
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
