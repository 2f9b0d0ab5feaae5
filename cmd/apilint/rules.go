package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/contract"
	"github.com/apilint/apilint/internal/config"
	"github.com/apilint/apilint/internal/report"
)

// ruleInfo is one line of apilint rules.
type ruleInfo = contract.RuleInfo

// catalog lists every rule: the code rules of the registry, then the
// contract's.
func catalog(rules []analyzers.Rule) []ruleInfo {
	var out []ruleInfo
	for _, a := range analyzers.Build(rules, analyzers.Options{}).Rules {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		_, summary, _ = strings.Cut(summary, ": ")
		out = append(out, ruleInfo{ID: a.Name, Level: report.Error, Summary: summary, Source: "code"})
	}
	return append(out, contract.Catalog()...)
}

func newRules(rules []analyzers.Rule, stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: code analyzers and contract rules, with their default level",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return writeRules(stdout, format, catalog(rules))
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

// writeRules prints the catalogue as a table or as JSON.
func writeRules(w io.Writer, format string, infos []ruleInfo) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string][]ruleInfo{"rules": infos})
	case "text", "":
	default:
		return usageError{fmt.Errorf("--format %q: want text or json", format)}
	}
	width := 0
	for _, r := range infos {
		width = max(width, len(r.ID))
	}
	source := ""
	for _, r := range infos {
		if r.Source != source {
			if source != "" {
				fmt.Fprintln(w)
			}
			source = r.Source
			fmt.Fprintf(w, "# %s rules\n", source)
		}
		fmt.Fprintf(w, "%-*s  %-7s  %s\n", width, r.ID, r.Level, r.Summary)
	}
	fmt.Fprintln(w, "\napilint explain RULE prints a rule's documentation and how to configure it.")
	return nil
}

// configSnippet is the .apilint.yml fragment that configures code rule
// a: the keys the loader accepts, with their defaults.
func configSnippet(a *analysis.Analyzer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "analyzers:\n  %s:\n    enabled: true\n    level: error        # every finding's level: error, warning or note\n", a.Name)
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	for _, n := range names {
		f := a.Flags.Lookup(n)
		def := f.DefValue
		if def == "" {
			def = `""`
		}
		fmt.Fprintf(&b, "    %s: %s    # %s\n", n, def, f.Usage)
	}
	return b.String()
}

// unknownRule explains a rule name that names no rule, suggesting the
// nearest one.
func unknownRule(rules []analyzers.Rule, name string) error {
	hint := ""
	if near := config.Nearest(name, ruleNames(rules)); near != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", near)
	}
	return usageError{fmt.Errorf("no rule %q%s; apilint rules lists them", name, hint)}
}
