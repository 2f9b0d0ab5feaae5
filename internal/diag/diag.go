// Package diag is what apilint's analyzers share about reporting: how a
// finding's level and call chain travel inside an analysis.Diagnostic
// (so that they survive every driver: the apilint binary, go vet and
// golangci-lint), how an analyzer's documentation is taken from its
// doc.go, and the small source edits that suggested fixes share.
package diag

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Level is how serious a finding is.
type Level string

// The levels, most serious first. They match SARIF's levels.
const (
	Error   Level = "error"
	Warning Level = "warning"
	Note    Level = "note"
)

// ParseLevel checks s is a level.
func ParseLevel(s string) (Level, bool) {
	switch l := Level(s); l {
	case Error, Warning, Note:
		return l, true
	}
	return "", false
}

// Rank orders levels: error 3, warning 2, note 1, anything else 0.
func (l Level) Rank() int {
	switch l {
	case Error:
		return 3
	case Warning:
		return 2
	case Note:
		return 1
	}
	return 0
}

// chainPrefix marks the related-information entries that carry the call
// chain, so that other related information stays distinct.
const chainPrefix = "chain: "

// Finding is what an analyzer reports.
type Finding struct {
	Pos, End token.Pos
	Level    Level // "" means Error
	Message  string
	// Chain is the call chain that makes an interprocedural finding true,
	// outermost first: "orders.(*Server).list", "store.(*PG).GetUser",
	// "(*sql.DB).QueryRowContext".
	Chain []string
	Fixes []analysis.SuggestedFix
}

// ChainInMessage puts the call chain at the end of the message instead of
// in related information. golangci-lint turns each related entry into an
// issue of its own, so its plugins set it.
var ChainInMessage = false

// Report reports f on pass. The level travels in Diagnostic.Category and
// the chain in Related (or, with ChainInMessage, in the message), both
// ignored by drivers that do not know them.
func Report(pass *analysis.Pass, f Finding) {
	if _, ok := suppressed(pass, f.Pos); ok {
		return
	}
	d := analysis.Diagnostic{
		Pos:            f.Pos,
		End:            f.End,
		Message:        f.Message,
		SuggestedFixes: f.Fixes,
	}
	if f.Level != "" && f.Level != Error {
		d.Category = string(f.Level)
	}
	if ChainInMessage && len(f.Chain) > 0 {
		d.Message += " [chain: " + strings.Join(f.Chain, " → ") + "]"
	} else {
		for _, c := range f.Chain {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: f.Pos, Message: chainPrefix + c})
		}
	}
	pass.Report(d)
}

// Decode recovers the level and chain Report put into d.
func Decode(d analysis.Diagnostic) (Level, []string) {
	level := Error
	if l, ok := ParseLevel(d.Category); ok {
		level = l
	}
	var chain []string
	for _, r := range d.Related {
		if c, ok := strings.CutPrefix(r.Message, chainPrefix); ok {
			chain = append(chain, c)
		}
	}
	return level, chain
}
