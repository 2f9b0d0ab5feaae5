package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/contract"
	"github.com/apilint/apilint/internal/config"
)

// TestExplainSnippetLoads checks, for every rule apilint rules lists, that
// the .apilint.yml snippet apilint explain prints is one the loader
// accepts and that sets the rule: the analyzers' flags and levels, the
// contract's rule levels.
func TestExplainSnippetLoads(t *testing.T) {
	rules := analyzers.All()
	infos := catalog(rules)
	if len(infos) < len(rules)+len(contract.Rules) {
		t.Fatalf("catalog lists %d rules", len(infos))
	}
	dir := t.TempDir()
	for i, info := range infos {
		doc, ok := ruleDoc(rules, info.ID)
		if !ok {
			t.Errorf("apilint rules lists %s, apilint explain does not know it", info.ID)
			continue
		}
		snippet := configSnippetOf(doc)
		if snippet == "" {
			t.Errorf("explain %s prints no configuration snippet:\n%s", info.ID, doc)
			continue
		}
		path := filepath.Join(dir, info.ID+".yml")
		if err := os.WriteFile(path, []byte(snippet), 0o644); err != nil {
			t.Fatal(err)
		}
		settings, err := config.Resolve(config.Source{Path: path})
		if err != nil {
			t.Errorf("explain %s: its snippet does not load: %v\n%s", info.ID, err, snippet)
			continue
		}
		if i < len(rules) {
			set := analyzers.Build(rules, analyzers.Options{})
			if err := settings.Apply(set.Configurable()); err != nil {
				t.Errorf("explain %s: its snippet does not apply: %v\n%s", info.ID, err, snippet)
			}
			if on, ok := settings.Enabled(info.ID); !ok || !on {
				t.Errorf("explain %s: its snippet does not name the analyzer:\n%s", info.ID, snippet)
			}
			continue
		}
		o := contract.DefaultOptions()
		o.Severity = settings.File.Contract.Rules
		if _, ok := o.Severity[info.ID]; !ok {
			t.Errorf("explain %s: its snippet does not name the rule:\n%s", info.ID, snippet)
		}
		if err := o.Validate(); err != nil {
			t.Errorf("explain %s: contract diff rejects its snippet: %v\n%s", info.ID, err, snippet)
		}
	}
}

// configSnippetOf returns the indented block that follows the last line
// saying what to write "in .apilint.yml" in a rule's documentation,
// unindented.
func configSnippetOf(doc string) string {
	i := strings.LastIndex(doc, "in .apilint.yml")
	if i < 0 {
		return ""
	}
	after := doc[i:]
	var b strings.Builder
	for _, line := range strings.Split(after, "\n")[1:] {
		switch {
		case strings.HasPrefix(line, "    "):
			b.WriteString(strings.TrimPrefix(line, "    ") + "\n")
		case strings.TrimSpace(line) == "" && b.Len() == 0:
		default:
			return b.String()
		}
	}
	return b.String()
}
