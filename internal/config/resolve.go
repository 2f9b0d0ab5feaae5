package config

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/findings"
	"github.com/apilint/apilint/internal/report"
)

// EnvVar names a configuration file for every driver, when no flag does:
// go vet cannot pass flags to its tool when it asks for the version it
// keys its cache on, but the tool can read the environment.
const EnvVar = "APILINT_CONFIG"

// Source says where one run's configuration comes from. Every driver
// fills one and calls Resolve: the apilint command from its flags, the
// vet tool from its arguments and the package directory, the
// golangci-lint plugins from their settings.
type Source struct {
	// Path is a configuration file named explicitly (--config,
	// -effects.config, the plugins' config setting). "" means the file
	// named by $APILINT_CONFIG, or else the .apilint.yml found from Dir
	// upward, if any.
	Path string
	// Dir is where the search for .apilint.yml starts; "" means ".".
	Dir string
	// Flags are analyzer flags set outside the file, by qualified name
	// ("nplusone.writes"): the command line, or a plugin's settings. They
	// win over the file.
	Flags map[string]string
	// FlagsFrom names where Flags come from, for errors
	// ("golangci-lint settings of nplusone").
	FlagsFrom string
	// APIs extends the knowledge tables beyond the file's apis section
	// (a plugin's apis setting).
	APIs *APIs
}

// Settings is a run's configuration, resolved once from a Source. Every
// driver applies the same value the same way.
type Settings struct {
	// File is the configuration file read, nil when there is none.
	File *File
	// flags are the analyzer flag values to set, file first.
	flags []flagValue
	apis  APIs
}

// flagValue is one analyzer flag to set, and where it was written.
type flagValue struct {
	analyzer, name, value string
	from                  string // file:line, or Source.FlagsFrom
	inFile                bool
}

// key names v's setting as its source spells it, for errors.
func (v flagValue) key() string {
	if v.inFile {
		return "analyzers." + v.analyzer
	}
	return v.analyzer
}

// Resolve reads the configuration src names.
func Resolve(src Source) (*Settings, error) {
	s := &Settings{}
	path := src.Path
	if path == "" {
		path = os.Getenv(EnvVar)
	}
	if path == "" {
		dir := src.Dir
		if dir == "" {
			dir = "."
		}
		path = Find(dir)
	}
	if path != "" {
		f, err := Load(path)
		if err != nil {
			return nil, err
		}
		s.File = f
		s.apis = f.APIs
		for _, name := range sortedKeys(f.Analyzers) {
			if a := f.Analyzers[name]; a != nil {
				for _, fl := range a.Flags {
					s.flags = append(s.flags, flagValue{name, fl.Name, fl.Value, fmt.Sprintf("%s:%d", f.Path, fl.Line), true})
				}
			}
		}
		if len(f.APIs.Interfaces) > 0 {
			s.flags = append(s.flags, flagValue{"effects", "interfaces", strings.Join(f.APIs.Interfaces, ","), f.Path, true})
		}
	}
	if src.APIs != nil {
		extra := &File{Path: src.FlagsFrom, APIs: *src.APIs}
		if err := extra.Validate(); err != nil {
			return nil, err
		}
		s.apis.Queries = append(s.apis.Queries, src.APIs.Queries...)
		s.apis.Blocking = append(s.apis.Blocking, src.APIs.Blocking...)
		s.apis.Handlers = append(s.apis.Handlers, src.APIs.Handlers...)
		if src.APIs.Interfaces != nil {
			s.apis.Interfaces = src.APIs.Interfaces
		}
		if src.APIs.PaginationParams != nil {
			s.apis.PaginationParams = src.APIs.PaginationParams
		}
	}
	for _, q := range sortedKeys(src.Flags) {
		name, flagName, ok := strings.Cut(q, ".")
		if !ok {
			return nil, fmt.Errorf("%s: %q is not an analyzer flag (want analyzer.flag)", src.FlagsFrom, q)
		}
		s.flags = append(s.flags, flagValue{name, flagName, src.Flags[q], src.FlagsFrom, false})
	}
	return s, nil
}

// Table returns the run's knowledge: the builtin tables and the
// configuration's apis section.
func (s *Settings) Table() *apis.Table {
	f := &File{APIs: s.apis}
	ext := apis.Extensions{Calls: f.Calls(), PaginationParams: s.apis.PaginationParams}
	for _, h := range s.apis.Handlers {
		if len(h.Methods) > 0 {
			reg := apis.Registrar{Pkg: h.Package, Names: h.Methods, Handler: *h.Arg, Variadic: h.Variadic}
			if h.Type != "" {
				reg.Recvs = []string{h.Type}
			}
			ext.Registrars = append(ext.Registrars, reg)
			continue
		}
		ext.RequestParams = append(ext.RequestParams, apis.RequestParam{
			Framework: h.Package, Type: apis.TypeRef{Pkg: h.Package, Name: h.Type},
			Context: h.Context, Request: h.Context != "", Alone: true, Injects: true,
		})
	}
	if len(s.apis.Interfaces) > 0 {
		ext.Interfaces = s.apis.Interfaces
	}
	return apis.New(ext)
}

// Enabled says whether the configuration turns rule name on or off; ok
// is false when it says nothing.
func (s *Settings) Enabled(name string) (enabled, ok bool) {
	if s.File == nil {
		return false, false
	}
	return s.File.Enabled(name)
}

// Levels returns the level each re-levelled rule's findings take.
func (s *Settings) Levels() map[string]report.Level {
	out := make(map[string]report.Level)
	if s.File != nil {
		for name, a := range s.File.Analyzers {
			if a != nil && a.Level != "" {
				out[name] = report.Level(a.Level)
			}
		}
	}
	return out
}

// FindingOptions returns how the run reports findings; the driver sets
// how the level and chain travel.
func (s *Settings) FindingOptions() *findings.Options {
	return &findings.Options{Levels: s.Levels()}
}

// FailOn returns the configuration's failing level, or "".
func (s *Settings) FailOn() report.Level {
	if s.File == nil {
		return ""
	}
	return report.Level(s.File.FailOn)
}

// Apply sets the analyzers' flags: the file's values, then those of
// Source.Flags. as must hold every analyzer the configuration may name
// (all rules, enabled or not, and the effects analyzer). An unknown
// analyzer or flag, or a bad value, is an error naming where it was
// written.
func (s *Settings) Apply(as []*analysis.Analyzer) error {
	byName := make(map[string]*analysis.Analyzer)
	var names []string
	for _, a := range as {
		byName[a.Name] = a
		names = append(names, a.Name)
	}
	sort.Strings(names)
	if s.File != nil {
		for _, name := range sortedKeys(s.File.Analyzers) {
			if byName[name] == nil {
				line := 0
				if a := s.File.Analyzers[name]; a != nil {
					line = a.Line
				}
				return s.File.errorf(line, "analyzers: unknown analyzer %q%s (known: %s)", name, suggest(name, names), strings.Join(names, ", "))
			}
		}
	}
	for _, v := range s.flags {
		a := byName[v.analyzer]
		if a == nil {
			return fmt.Errorf("%s: unknown analyzer %q%s (known: %s)", v.from, v.analyzer, suggest(v.analyzer, names), strings.Join(names, ", "))
		}
		fl := a.Flags.Lookup(v.name)
		if fl == nil {
			var known []string
			a.Flags.VisitAll(func(fl *flag.Flag) { known = append(known, fl.Name) })
			if v.inFile {
				known = append(known, "enabled", "level")
			}
			return fmt.Errorf("%s: %s: unknown setting %q%s (known: %s)", v.from, v.key(), v.name, suggest(v.name, known), strings.Join(known, ", "))
		}
		if err := fl.Value.Set(v.value); err != nil {
			return fmt.Errorf("%s: %s.%s: %q: %s", v.from, v.key(), v.name, v.value, badValue(fl, err))
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// badValue says why a value does not set fl: what the flag takes, for
// the flag package's own types, whose errors ("parse error") do not say;
// the flag's own error for the analyzers' custom values.
func badValue(fl *flag.Flag, err error) string {
	getter, ok := fl.Value.(flag.Getter)
	if !ok {
		return err.Error()
	}
	switch getter.Get().(type) {
	case bool:
		return "want true or false"
	case int, int64, uint, uint64:
		return "want a whole number"
	case float64:
		return "want a number"
	case time.Duration:
		return "want a duration (30s, 5m, 1h)"
	}
	return err.Error()
}
