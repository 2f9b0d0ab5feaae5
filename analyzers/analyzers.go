// Package analyzers lists apilint's code analyzers, for the drivers that
// run them all: the apilint command, go vet, and the golangci-lint plugins.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers/blocking"
	"github.com/apilint/apilint/analyzers/notimeout"
	"github.com/apilint/apilint/analyzers/nplusone"
	"github.com/apilint/apilint/analyzers/unbounded"
	"github.com/apilint/apilint/internal/effects"
)

// All returns the analyzers in the order the README documents them.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		nplusone.Analyzer,
		notimeout.Analyzer,
		unbounded.Analyzer,
		blocking.Analyzer,
	}
}

// WithShared returns All and the shared analyzers they depend on whose
// flags users set (-effects.interfaces), for drivers that expose flags.
func WithShared() []*analysis.Analyzer {
	return append(All(), effects.Analyzer)
}

// ByName returns the analyzer called name, or nil.
func ByName(name string) *analysis.Analyzer {
	for _, a := range All() {
		if a.Name == name {
			return a
		}
	}
	return nil
}
