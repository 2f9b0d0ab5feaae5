package config

import (
	"flag"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/report"
)

// Apply configures analyzers from the file: each analyzers.<name>.<flag>
// sets that analyzer's flag, and apis.interfaces sets -effects.interfaces,
// unless the command line set the flag (changed reports "name.flag");
// apis.queries and apis.blocking extend the tables. An unknown analyzer or
// flag, or a bad value, is an error naming the file and line.
func (f *File) Apply(as []*analysis.Analyzer, changed func(qualified string) bool) error {
	byName := make(map[string]*analysis.Analyzer)
	var names []string
	for _, a := range as {
		byName[a.Name] = a
		names = append(names, a.Name)
	}
	sort.Strings(names)
	set := func(a *analysis.Analyzer, s Setting) error {
		if changed != nil && changed(a.Name+"."+s.Name) {
			return nil
		}
		fl := a.Flags.Lookup(s.Name)
		if fl == nil {
			var known []string
			a.Flags.VisitAll(func(fl *flag.Flag) { known = append(known, fl.Name) })
			return f.errorf(s.Line, "analyzers.%s: unknown setting %q (known: %s)", a.Name, s.Name, strings.Join(append(known, "enabled", "level"), ", "))
		}
		if err := fl.Value.Set(s.Value); err != nil {
			return f.errorf(s.Line, "analyzers.%s.%s: %v", a.Name, s.Name, err)
		}
		return nil
	}
	for _, name := range sortedKeys(f.Analyzers) {
		settings := f.Analyzers[name]
		a := byName[name]
		if a == nil {
			line := 0
			if settings != nil {
				line = settings.Line
			}
			return f.errorf(line, "analyzers: unknown analyzer %q (known: %s)", name, strings.Join(names, ", "))
		}
		if settings == nil {
			continue
		}
		for _, s := range settings.Flags {
			if err := set(a, s); err != nil {
				return err
			}
		}
	}
	if len(f.APIs.Interfaces) > 0 {
		if a := byName["effects"]; a != nil {
			if err := set(a, Setting{Name: "interfaces", Value: strings.Join(f.APIs.Interfaces, ",")}); err != nil {
				return err
			}
		}
	}
	f.ExtendAPIs()
	return nil
}

// ExtendAPIs adds apis.queries and apis.blocking to the tables, and
// applies apis.pagination-params.
func (f *File) ExtendAPIs() {
	apis.Extend(f.Calls()...)
	if len(f.APIs.PaginationParams) > 0 {
		apis.PaginationParams = append([]string(nil), f.APIs.PaginationParams...)
	}
}

// Enabled says whether the file turns analyzer name on or off; ok is
// false when it says nothing.
func (f *File) Enabled(name string) (enabled, ok bool) {
	if s := f.Analyzers[name]; s != nil && s.Enabled != nil {
		return *s.Enabled, true
	}
	return false, false
}

// Level returns the level the file gives all findings of analyzer name,
// or "".
func (f *File) Level(name string) report.Level {
	if s := f.Analyzers[name]; s != nil {
		return report.Level(s.Level)
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
