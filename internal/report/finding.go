// Package report holds apilint's one Finding model, shared by the code
// analyzers and the contract checks, and renders findings as text, JSON,
// GitHub annotations and Markdown.
package report

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Finding is one problem, in code or in an API contract.
type Finding struct {
	// Rule is the analyzer name ("nplusone") or contract rule id.
	Rule    string `json:"rule"`
	Level   Level  `json:"level"`
	Message string `json:"message"`
	// File is relative to the working directory where possible.
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// Chain is the call chain of an interprocedural finding, outermost first.
	Chain []string `json:"chain"`
	// Operations lists the API operations a contract finding affects
	// ("GET /v1/widgets").
	Operations []string `json:"operations"`
	// Cause is, for a contract finding, where its root cause is written:
	// the spec file and the JSON pointer of the schema, property or
	// parameter that changed ("api.yaml#/components/schemas/Widget/
	// properties/size"); empty when the cause is the operation itself.
	Cause string `json:"cause,omitempty"`
	// Fingerprint identifies the finding across unrelated edits (see
	// Fingerprint).
	Fingerprint string `json:"fingerprint"`

	// Function is the enclosing function (or, for contract findings,
	// whatever locates the finding besides its file); it feeds the
	// fingerprint.
	Function string `json:"-"`
	// Snippet is the source line the finding points at; it feeds the
	// fingerprint, so that changing that code makes the finding new.
	Snippet string `json:"-"`
	// Fix is the finding's suggested fix, when it has a mechanical one.
	Fix *Fix `json:"-"`
}

// Fix is a suggested fix: edits to source files.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes [Start, End) of File with New.
type Edit struct {
	File       string // absolute
	Start, End int
	New        string
}

// lineRefs matches "file.go:42" and "file.go:42:7" inside messages, which
// move whenever lines are inserted above.
var lineRefs = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\.go|\.ya?ml|\.json):\d+(:\d+)?`) })

// spaces matches runs of white space.
var spaces = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+`) })

// SetFingerprint computes f.Fingerprint from the rule, the file, the
// enclosing function, the message with line references removed and the
// source line with white space normalised. Line and column are left out:
// inserting lines above a finding keeps its fingerprint; editing the code
// it points at, or moving it to another function, changes it.
func (f *Finding) SetFingerprint() {
	h := sha256.New()
	for _, part := range []string{
		f.Rule,
		f.File,
		f.Function,
		lineRefs().ReplaceAllString(f.Message, "$1"),
		strings.TrimSpace(spaces().ReplaceAllString(f.Snippet, " ")),
		strings.Join(f.Operations, ","),
	} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	f.Fingerprint = hex.EncodeToString(h.Sum(nil))[:32]
}

// Summary counts findings by level.
type Summary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Note    int `json:"note"`
}

// Summarize counts fs by level.
func Summarize(fs []Finding) Summary {
	var s Summary
	for _, f := range fs {
		switch f.Level {
		case Error:
			s.Error++
		case Warning:
			s.Warning++
		case Note:
			s.Note++
		}
	}
	return s
}

// Sort orders findings by file, line, column, rule and message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// AtLeast returns how many findings are at or above level.
func AtLeast(fs []Finding, level Level) int {
	n := 0
	for _, f := range fs {
		if f.Level.Rank() >= level.Rank() {
			n++
		}
	}
	return n
}
