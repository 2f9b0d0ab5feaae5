package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// Rule describes one rule for SARIF's tool.driver.rules: an analyzer or
// a contract rule.
type Rule struct {
	ID string
	// Short is the one-line summary; Help the full documentation.
	Short, Help string
	HelpURI     string
	// Level is the rule's default level.
	Level Level
	// Tags and Precision go to the rule's properties, where code scanning
	// reads them ("security", "performance"; "very-high", "high",
	// "medium", "low").
	Tags      []string
	Precision string
}

// SARIFOptions says how to write SARIF.
type SARIFOptions struct {
	// Rules are described in the run, whether or not they found anything:
	// code scanning shows their help.
	Rules []Rule
	// Root is the repository root: artifact URIs are relative to it.
	// Finding files are relative to WorkDir (both absolute).
	Root, WorkDir string
	// Version is apilint's version.
	Version string
}

// fingerprintKey names apilint's partial fingerprint in SARIF.
const fingerprintKey = "apilintFingerprint/v1"

// SARIF writes findings as a SARIF 2.1.0 log, as GitHub code scanning
// reads it: one rule per analyzer or contract rule with its
// documentation as help, levels mapped, partial fingerprints from the
// findings' fingerprints, paths relative to the repository root, and a
// results array even when there are no findings.
func SARIF(w io.Writer, fs []Finding, opts SARIFOptions) error {
	rep := gosarif.NewV210Report()
	run := sarif.NewRunWithInformationURI("apilint", "https://github.com/apilint/apilint")
	run.Tool.Driver.WithVersion(opts.Version).WithSemanticVersion(semver(opts.Version))
	rules := append([]Rule(nil), opts.Rules...)
	known := make(map[string]bool)
	for _, r := range rules {
		known[r.ID] = true
	}
	for _, f := range fs { // rules the caller did not describe still need an entry
		if !known[f.Rule] {
			known[f.Rule] = true
			rules = append(rules, Rule{ID: f.Rule, Short: f.Rule, Level: f.Level})
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	for _, r := range rules {
		d := run.AddRule(r.ID).
			WithName(ruleName(r.ID)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(orDefault(r.Short, r.ID))).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(orDefault(r.Help, r.Short, r.ID))).
			WithHelp(sarif.NewMultiformatMessageString().WithText(orDefault(r.Help, r.Short, r.ID)).WithMarkdown(orDefault(r.Help, r.Short, r.ID))).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Level)))
		if r.HelpURI != "" {
			d.WithHelpURI(r.HelpURI)
		}
		if len(r.Tags) > 0 || r.Precision != "" {
			pb := sarif.NewPropertyBag()
			if len(r.Tags) > 0 {
				pb.Add("tags", r.Tags)
			}
			if r.Precision != "" {
				pb.Add("precision", r.Precision)
			}
			d.WithProperties(pb)
		}
	}
	run.WithResults([]*sarif.Result{})
	for _, f := range fs {
		msg := f.Message
		if len(f.Chain) > 0 {
			msg += "\nChain: " + strings.Join(f.Chain, " → ")
		}
		if len(f.Operations) > 0 {
			msg += "\nOperations: " + strings.Join(f.Operations, ", ")
		}
		res := run.CreateResultForRule(f.Rule).
			WithLevel(sarifLevel(f.Level)).
			WithMessage(sarif.NewTextMessage(msg)).
			WithPartialFingerprints(map[string]string{fingerprintKey: f.Fingerprint})
		if f.File != "" {
			region := sarif.NewRegion().WithStartLine(max(f.Line, 1))
			if f.Column > 0 {
				region.WithStartColumn(f.Column)
			}
			loc := sarif.NewPhysicalLocation().
				WithArtifactLocation(sarif.NewArtifactLocation().WithURI(uri(f.File, opts)).WithURIBaseID("%SRCROOT%")).
				WithRegion(region)
			res.AddLocation(sarif.NewLocationWithPhysicalLocation(loc))
		}
		if len(f.Chain) > 0 || len(f.Operations) > 0 {
			pb := sarif.NewPropertyBag()
			if len(f.Chain) > 0 {
				pb.Add("chain", f.Chain)
			}
			if len(f.Operations) > 0 {
				pb.Add("operations", f.Operations)
			}
			res.WithProperties(pb)
		}
	}
	rep.AddRun(run)
	if err := rep.Validate(); err != nil {
		return fmt.Errorf("SARIF output does not validate: %w", err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf); err != nil {
		return err
	}
	return writeTrimmed(w, buf.Bytes())
}

// writeTrimmed writes a SARIF document without the empty values go-sarif
// emits for every optional field (empty arrays and objects, -1 for unset
// indexes): SARIF says they mean nothing, and they make the file ten times
// longer. A results array is kept even when empty: it says the run found
// nothing.
func writeTrimmed(w io.Writer, data []byte) error {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return err
	}
	doc = trim("", doc)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// trim drops the empty values under v; key is v's key in its object.
func trim(key string, v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			t := trim(k, c)
			if t == nil && k != "results" {
				delete(x, k)
				continue
			}
			x[k] = t
		}
		if len(x) == 0 {
			return nil
		}
		return x
	case []any:
		var out []any
		for _, c := range x {
			if t := trim("", c); t != nil {
				out = append(out, t)
			}
		}
		if len(out) == 0 {
			if key == "results" {
				return []any{}
			}
			return nil
		}
		return out
	case json.Number:
		if x == "-1" {
			return nil
		}
		return x
	case string:
		if x == "" {
			return nil
		}
		return x
	}
	return v
}

// uri makes a finding's file relative to the repository root, with
// forward slashes.
func uri(file string, opts SARIFOptions) string {
	abs := file
	if !filepath.IsAbs(abs) && opts.WorkDir != "" {
		abs = filepath.Join(opts.WorkDir, file)
	}
	if opts.Root != "" {
		if rel, err := filepath.Rel(opts.Root, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}

// sarifLevel maps apilint's levels to SARIF's (they share names).
func sarifLevel(l Level) string {
	switch l {
	case "warning", "note", "error":
		return string(l)
	}
	return "error"
}

// ruleName turns a rule id into SARIF's PascalCase name:
// api-path-removed → ApiPathRemoved, nplusone → Nplusone.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// semver returns v when it is a semantic version ("v1.2.3" → "1.2.3"),
// else "0.0.0".
func semver(v string) string {
	v = strings.TrimPrefix(strings.Fields(v + " ")[0], "v")
	parts := strings.Split(v, ".")
	if len(parts) == 3 {
		return v
	}
	return "0.0.0"
}

func orDefault(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
