// Package findings is how a finding of a code analyzer travels: the
// analyzer reports it with Report, which honours //apilint:ignore
// directives and encodes the finding's level and call chain inside an
// analysis.Diagnostic, so that they survive every driver (the apilint
// command, go vet and golangci-lint); the standalone driver decodes it
// back into a report.Finding.
package findings

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/report"
)

// chainPrefix marks the related-information entries that carry the call
// chain, so that other related information stays distinct.
const chainPrefix = "chain: "

// Finding is what an analyzer reports.
type Finding struct {
	Pos, End token.Pos
	Level    report.Level // "" means Error
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
	if f.Level != "" && f.Level != report.Error {
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
func Decode(d analysis.Diagnostic) (report.Level, []string) {
	level := report.Error
	if l, ok := report.ParseLevel(d.Category); ok {
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
