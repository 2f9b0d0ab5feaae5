package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/contract"
)

func newExplain(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Print the documentation of an analyzer or contract rule",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			doc, ok := ruleDoc(args[0])
			if !ok {
				return usageError{fmt.Errorf("no rule %q; rules: %s", args[0], strings.Join(ruleNames(), ", "))}
			}
			_, err := fmt.Fprint(stdout, doc)
			return err
		},
	}
}

// ruleDoc returns the documentation of rule.
func ruleDoc(rule string) (string, bool) {
	if a := analyzers.ByName(rule); a != nil {
		return a.Doc, true
	}
	return contract.Doc(rule)
}

func ruleNames() []string {
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	names = append(names, contract.RuleIDs()...)
	sort.Strings(names)
	return names
}
