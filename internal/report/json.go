package report

import (
	"encoding/json"
	"io"
)

// jsonReport is the shape of --format json.
type jsonReport struct {
	Findings []Finding `json:"findings"`
	Summary  Summary   `json:"summary"`
}

// JSON writes {"findings": [...], "summary": {...}}. Empty lists are [],
// never null.
func JSON(w io.Writer, fs []Finding) error {
	out := jsonReport{Findings: make([]Finding, len(fs)), Summary: Summarize(fs)}
	for i, f := range fs {
		if f.Chain == nil {
			f.Chain = []string{}
		}
		if f.Operations == nil {
			f.Operations = []string{}
		}
		out.Findings[i] = f
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
