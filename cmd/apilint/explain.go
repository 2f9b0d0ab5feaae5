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
		Use:   "explain RULE",
		Short: "Print the documentation of an analyzer or contract rule",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			doc, ok := ruleDoc(rules, args[0])
			if !ok {
				return usageError{fmt.Errorf("no rule %q; rules: %s", args[0], strings.Join(ruleNames(rules), ", "))}
			}
			_, err := fmt.Fprint(stdout, doc)
			return err
		},
	}
}

// ruleDoc returns the documentation of rule.
func ruleDoc(rules []analyzers.Rule, rule string) (string, bool) {
	if a := analyzers.Build(rules, analyzers.Options{}).Rule(rule); a != nil {
		return a.Doc, true
	}
	return contract.Doc(rule)
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
	for _, a := range analyzers.Build(rules, analyzers.Options{}).Rules {
		short, _, _ := strings.Cut(a.Doc, "\n")
		out = append(out, report.Rule{ID: a.Name, Short: short, Help: a.Doc, HelpURI: a.URL, Level: "error"})
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
