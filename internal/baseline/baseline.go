// Package baseline records a codebase's accepted findings, so that a CI
// gate fails only on new ones. A baseline is a JSON file of fingerprints
// (see report.Finding.SetFingerprint): they survive unrelated edits, and
// a finding whose own code changes is new again.
package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/apilint/apilint/internal/report"
	"github.com/apilint/apilint/internal/rewrite"
)

// version is the file format's version.
const version = 1

// File is a baseline as stored.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Rule, file and message are kept for the
// reader; only the fingerprint is matched.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Message     string `json:"message"`
}

// Write stores fs as a baseline.
func Write(w io.Writer, fs []report.Finding) error {
	b := File{Version: version, Findings: []Entry{}}
	for _, f := range fs {
		b.Findings = append(b.Findings, Entry{Fingerprint: f.Fingerprint, Rule: f.Rule, File: f.File, Message: f.Message})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		a, c := b.Findings[i], b.Findings[j]
		if a.File != c.File {
			return a.File < c.File
		}
		return a.Fingerprint < c.Fingerprint
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// WriteFile stores fs as a baseline at path, atomically: the file is the
// old baseline or the new one, never a truncated mix.
func WriteFile(path string, fs []report.Finding) error {
	var buf bytes.Buffer
	if err := Write(&buf, fs); err != nil {
		return fmt.Errorf("writing baseline %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("writing baseline %s: %w", path, err)
	}
	if err := rewrite.WriteFile(abs, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing baseline %s: %w", path, err)
	}
	return nil
}

// Read loads a baseline.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var b File
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not a baseline file: %w", path, err)
	}
	if b.Version != version {
		return nil, fmt.Errorf("%s: baseline version %d, want %d", path, b.Version, version)
	}
	return &b, nil
}

// Filter returns the findings of fs that the baseline does not hold. A
// fingerprint recorded n times absorbs up to n findings: a second copy of
// an accepted mistake is new.
func (b *File) Filter(fs []report.Finding) (fresh []report.Finding, accepted int) {
	left := make(map[string]int)
	for _, e := range b.Findings {
		left[e.Fingerprint]++
	}
	for _, f := range fs {
		if left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			accepted++
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, accepted
}
