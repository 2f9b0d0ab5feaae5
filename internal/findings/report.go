// Package findings is the one path a code finding takes. An analyzer
// reports it through a Reporter, which honours //apilint:ignore
// directives, applies the run's level for the rule, and encodes the level
// and call chain inside an analysis.Diagnostic, so that they survive every
// driver (the apilint command, go vet and golangci-lint). The standalone
// driver turns the diagnostic back into a report.Finding with Decode,
// which sets its position, enclosing function, fix and fingerprint.
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

// Options say how one run reports findings. A driver sets them once, from
// the resolved configuration and what the driver can show.
type Options struct {
	// Levels re-levels every finding of a rule (analyzers.<rule>.level).
	Levels map[string]report.Level
	// Inline writes the chain, and the level when it is not error, into
	// the message: golangci-lint shows only the message, and turns each
	// related entry into an issue of its own.
	Inline bool
	// LevelInMessage prefixes the message with the level when it is not
	// error: go vet prints the message and the chain, but not the
	// category that carries the level.
	LevelInMessage bool
}

// level returns the level a finding of rule reported at l has in this run.
func (o *Options) level(rule string, l report.Level) report.Level {
	if o != nil {
		if r, ok := o.Levels[rule]; ok && r != "" {
			return r
		}
	}
	if l == "" {
		return report.Error
	}
	return l
}

// Encode turns f, a finding of rule, into the diagnostic every driver
// receives. The level travels in Diagnostic.Category and the chain in
// Related, both ignored by drivers that do not know them, or in the
// message as Options say.
func (o *Options) Encode(rule string, f Finding) analysis.Diagnostic {
	return o.encode(rule, true, f)
}

// encode is Encode; relevel is false for findings about apilint's own
// directives, whose level the rule's configured level does not change.
func (o *Options) encode(rule string, relevel bool, f Finding) analysis.Diagnostic {
	level := f.Level
	if relevel {
		level = o.level(rule, f.Level)
	} else if level == "" {
		level = report.Error
	}
	d := analysis.Diagnostic{
		Pos:            f.Pos,
		End:            f.End,
		Message:        f.Message,
		SuggestedFixes: f.Fixes,
	}
	if level != report.Error {
		d.Category = string(level)
	}
	inline := o != nil && o.Inline
	if level != report.Error && o != nil && (inline || o.LevelInMessage) {
		d.Message = string(level) + ": " + d.Message
	}
	if inline {
		if len(f.Chain) > 0 {
			d.Message += " [chain: " + strings.Join(f.Chain, " → ") + "]"
		}
		return d
	}
	for _, c := range f.Chain {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: f.Pos, Message: chainPrefix + c})
	}
	return d
}

// decodeDiagnostic recovers the level and chain Encode put into d.
func decodeDiagnostic(d analysis.Diagnostic) (report.Level, []string) {
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
