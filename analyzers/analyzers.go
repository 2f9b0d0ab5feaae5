// Package analyzers is the registry of apilint's code rules. Every driver
// (the apilint command, go vet, the golangci-lint plugins) and every list
// of rules (explain, SARIF rules, ignore directives, the configuration's
// analyzer keys) is derived from All: a rule added there appears
// everywhere with no other edit.
package analyzers

import (
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers/blocking"
	"github.com/apilint/apilint/analyzers/notimeout"
	"github.com/apilint/apilint/analyzers/nplusone"
	"github.com/apilint/apilint/analyzers/unbounded"
	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
)

// A Rule is one code rule. Its analyzer is built afresh for each run, so
// that a run's settings (flags, levels, the knowledge table) live in that
// run's values and never in package state.
type Rule struct {
	// Name is the rule id and the analyzer's name.
	Name string
	// New builds the rule's analyzer: it requires fx, the run's effects
	// analyzer, and reports through out.
	New func(fx *analysis.Analyzer, out *findings.Options) *analysis.Analyzer
	// Tags and Precision describe the rule to code scanning (SARIF rule
	// properties): what it is about, and how often its findings are
	// right when read (measured on services it was not tuned on).
	Tags      []string
	Precision string
}

// All returns the rules in the order the README documents them.
func All() []Rule {
	return []Rule{
		{Name: nplusone.Name, New: nplusone.New, Tags: []string{"performance", "scalability", "database"}, Precision: "high"},
		{Name: notimeout.Name, New: notimeout.New, Tags: []string{"reliability", "resilience", "timeouts"}, Precision: "high"},
		{Name: unbounded.Name, New: unbounded.New, Tags: []string{"performance", "scalability", "security"}, Precision: "high"},
		{Name: blocking.Name, New: blocking.New, Tags: []string{"performance", "latency"}, Precision: "high"},
	}
}

// Names returns the rules' names, in order.
func Names(rules []Rule) []string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.Name
	}
	return names
}

// Find returns the rule called name.
func Find(rules []Rule, name string) (Rule, bool) {
	for _, r := range rules {
		if r.Name == name {
			return r, true
		}
	}
	return Rule{}, false
}

// Options say how to build one run's analyzers.
type Options struct {
	// Table is the run's knowledge; nil means the builtin tables.
	Table *apis.Table
	// Program, when set, holds the whole program (standalone driver).
	Program *atomic.Pointer[effects.Program]
	// Findings say how findings are reported in this run.
	Findings *findings.Options
	// Effects, when set, is the effects analyzer to share instead of
	// building one (Table and Program are then ignored).
	Effects *analysis.Analyzer
}

// Set is the analyzers of one run.
type Set struct {
	// Effects is the shared analyzer every rule requires.
	Effects *analysis.Analyzer
	// Rules holds every rule's analyzer, in registry order, whether or
	// not the run reports it: their flags exist either way.
	Rules []*analysis.Analyzer
	// Directives reports //apilint:ignore directives naming no rule.
	Directives *analysis.Analyzer
}

// Build builds the analyzers of rules for one run.
func Build(rules []Rule, o Options) *Set {
	s := &Set{Effects: o.Effects}
	if s.Effects == nil {
		s.Effects = effects.New(effects.Options{Table: o.Table, Program: o.Program})
	}
	for _, r := range rules {
		s.Rules = append(s.Rules, r.New(s.Effects, o.Findings))
	}
	s.Directives = findings.NewDirectiveCheck(Names(rules), o.Findings)
	return s
}

// Rule returns the analyzer of the rule called name, or nil.
func (s *Set) Rule(name string) *analysis.Analyzer {
	for _, a := range s.Rules {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Configurable returns the analyzers whose flags users set: the rules and
// the shared effects analyzer (-effects.interfaces).
func (s *Set) Configurable() []*analysis.Analyzer {
	return append(append([]*analysis.Analyzer(nil), s.Rules...), s.Effects)
}
