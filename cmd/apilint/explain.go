package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/contract"
	"github.com/apilint/apilint/internal/report"
)

func newExplain(rules []analyzers.Rule, stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain [RULE]",
		Short: "Print the documentation of an analyzer or contract rule (with no rule, list them)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return writeRules(stdout, "text", catalog(rules))
			}
			doc, ok := ruleDoc(rules, args[0])
			if !ok {
				return unknownRule(rules, args[0])
			}
			_, err := fmt.Fprint(stdout, doc)
			return err
		},
	}
}

// ruleDoc returns the documentation of rule; for a code rule, followed by
// the configuration that sets it.
func ruleDoc(rules []analyzers.Rule, rule string) (string, bool) {
	if a := analyzers.Build(rules, analyzers.Options{}).Rule(rule); a != nil {
		return a.Doc + "\nConfigure it in .apilint.yml (or with -" + a.Name + ".FLAG):\n\n" + indent(configSnippet(a)), true
	}
	return contract.Doc(rule)
}

// indent indents every line of s by four spaces.
func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n"
}

func ruleNames(rules []analyzers.Rule) []string {
	names := analyzers.Names(rules)
	names = append(names, contract.RuleIDs()...)
	sort.Strings(names)
	return names
}

// analyzerRules describes the analyzers for SARIF.
func analyzerRules(rules []analyzers.Rule) []report.Rule {
	var out []report.Rule
	set := analyzers.Build(rules, analyzers.Options{})
	for i, a := range set.Rules {
		short, _, _ := strings.Cut(a.Doc, "\n")
		out = append(out, report.Rule{ID: a.Name, Short: short, Help: a.Doc, HelpURI: a.URL, Level: "error",
			Tags: rules[i].Tags, Precision: rules[i].Precision})
	}
	return out
}

// contractRules describes for SARIF apilint's own contract rules and the
// oasdiff rules that found something.
func contractRules(fs []report.Finding) []report.Rule {
	ids := make(map[string]bool)
	for _, r := range contract.Rules {
		ids[r.ID] = true
	}
	for _, f := range fs {
		ids[f.Rule] = true
	}
	var out []report.Rule
	for id := range ids {
		doc, _ := contract.Doc(id)
		short, _, _ := strings.Cut(doc, "\n")
		out = append(out, report.Rule{ID: id, Short: short, Help: doc, Level: levelOf(fs, id)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// levelOf is the level of the first finding of rule id, or error.
func levelOf(fs []report.Finding, id string) report.Level {
	for _, f := range fs {
		if f.Rule == id {
			return f.Level
		}
	}
	return "error"
}
