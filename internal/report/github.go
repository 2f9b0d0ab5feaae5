package report

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// AnnotationsPerLevel is how many annotations of each level GitHub shows
// for one step: "10 warning annotations, 10 error annotations, and 10
// notice annotations per step" (actions/toolkit, docs/problem-matchers.md,
// "Limitations"; the REST API's check-run documentation says the same of
// Actions). GitHub drops the rest without a word, so apilint writes no
// more than that and says what it left out.
const AnnotationsPerLevel = 10

// StepSummaryLimit bounds the Markdown written to $GITHUB_STEP_SUMMARY:
// GitHub refuses a step summary over 1024 KiB ("$GITHUB_STEP_SUMMARY
// upload aborted, supports content up to a size of 1024k").
const StepSummaryLimit = 1000 << 10

// annotationOperations is how many operations an annotation names.
const annotationOperations = 10

// GitHubOptions shape the GitHub Actions output.
type GitHubOptions struct {
	// StepSummary, when set, is the file $GITHUB_STEP_SUMMARY names: the
	// whole report is appended to it as Markdown, where the findings
	// that were not annotated can be read.
	StepSummary string
}

// GitHub writes workflow commands that GitHub Actions shows as
// annotations on the pull request's diff.
func GitHub(w io.Writer, fs []Finding) error {
	return GitHubWith(w, fs, GitHubOptions{})
}

// GitHubWith writes at most AnnotationsPerLevel annotations of each
// level, the most serious findings first, a line saying how many were
// left out, and the whole report to the step summary when there is one.
func GitHubWith(w io.Writer, fs []Finding, o GitHubOptions) error {
	var b strings.Builder
	shown := map[string]int{}
	omitted := 0
	for _, g := range fold(bySeverity(fs)) {
		f := g.Finding
		cmd := "error"
		switch f.Level {
		case Warning:
			cmd = "warning"
		case Note:
			cmd = "notice"
		}
		if shown[cmd] == AnnotationsPerLevel {
			omitted += 1 + len(g.also)
			continue
		}
		shown[cmd]++
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
		if n := len(g.also); n > 0 {
			msg += fmt.Sprintf("\nthe same at %d more %s, such as %s", n, plural(n, "place", "places"), strings.TrimSuffix(location(g.also[0]), ": "))
		}
		if ops := f.Operations; len(ops) > 0 {
			msg += "\noperations: " + strings.Join(ops[:min(len(ops), annotationOperations)], ", ")
			if rest := len(ops) - annotationOperations; rest > 0 {
				msg += fmt.Sprintf(" and %d more", rest)
			}
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", cmd, ghProps(props), ghData(msg))
	}
	if omitted > 0 {
		where := "the job summary lists them all"
		if o.StepSummary == "" {
			where = "--format text or markdown lists them all"
		}
		fmt.Fprintf(&b, "apilint: %d more %s not annotated: GitHub shows %d errors, %d warnings and %d notices per step; %s\n",
			omitted, plural(omitted, "finding is", "findings are"), AnnotationsPerLevel, AnnotationsPerLevel, AnnotationsPerLevel, where)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if o.StepSummary == "" {
		return nil
	}
	f, err := os.OpenFile(o.StepSummary, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("$GITHUB_STEP_SUMMARY: %w", err)
	}
	if err := MarkdownWith(f, fs, MarkdownOptions{Limit: StepSummaryLimit}); err != nil {
		f.Close()
		return fmt.Errorf("$GITHUB_STEP_SUMMARY: %w", err)
	}
	return f.Close()
}

// bySeverity orders findings most serious first, keeping their order
// within a level.
func bySeverity(fs []Finding) []Finding {
	out := append([]Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Level.Rank() > out[j].Level.Rank() })
	return out
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
