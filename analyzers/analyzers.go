// Package analyzers lists apilint's code analyzers, for the drivers that
// run them all: the apilint command, go vet, and the golangci-lint plugins.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers/notimeout"
)

// All returns the analyzers in the order the README documents them.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		notimeout.Analyzer,
	}
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
