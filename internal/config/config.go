// Package config loads .apilint.yml: per-analyzer settings and levels,
// extensions of the API tables, contract rule levels and the failing
// level. Files are validated strictly: an unknown key, a bad value or a
// wrong type is an error naming the file and line.
//
//	fail-on: error                 # error | warning | note
//	analyzers:
//	  nplusone:
//	    level: warning             # re-level every finding of the analyzer
//	    writes: false              # any flag of the analyzer (-nplusone.writes)
//	  notimeout:
//	    enabled: false
//	apis:
//	  interfaces: [Store, Repository, Gateway]
//	  queries:
//	    - {package: xorm.io/xorm, type: Session, methods: [Find, Get], kind: read-many}
//	  blocking:
//	    - {package: example.com/mail, type: Client, methods: [Send]}
//	contract:
//	  fail-on: error
//	  min-sunset-days: 180
//	  rules:
//	    api-path-removed-without-deprecation: warning   # or off
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/apilint/apilint/internal/apis"
	"github.com/apilint/apilint/internal/report"
)

// Names are the file names looked for, in order.
var Names = []string{".apilint.yml", ".apilint.yaml"}

// maxSize bounds a configuration file: it is read from pull requests.
const maxSize = 1 << 20

// File is a loaded configuration file.
type File struct {
	// Path is where the file was read from ("" for the zero config).
	Path      string                       `yaml:"-"`
	FailOn    string                       `yaml:"fail-on"`
	Analyzers map[string]*AnalyzerSettings `yaml:"analyzers"`
	APIs      APIs                         `yaml:"apis"`
	Contract  Contract                     `yaml:"contract"`
}

// AnalyzerSettings configures one analyzer.
type AnalyzerSettings struct {
	// Enabled, when set, turns the analyzer on or off.
	Enabled *bool
	// Level, when set, is the level of all the analyzer's findings.
	Level string
	// Flags are the analyzer's own settings, by flag name.
	Flags []Setting
	Line  int
}

// Setting is one analyzer flag value from the file.
type Setting struct {
	Name, Value string
	Line        int
}

// APIs extends the knowledge tables.
type APIs struct {
	// Interfaces replaces the interface name suffixes of the naming
	// heuristic (see internal/effects).
	Interfaces []string `yaml:"interfaces" json:"interfaces"`
	// Queries are the user's own database and datastore calls.
	Queries []Spec `yaml:"queries" json:"queries"`
	// Blocking are slow synchronous calls (mail and SMS clients, ...).
	Blocking []Spec `yaml:"blocking" json:"blocking"`
	// PaginationParams replaces the query parameter names that count as
	// pagination input.
	PaginationParams []string `yaml:"pagination-params" json:"pagination-params"`
	// Handlers declares a service's own routers and request types (see
	// HandlerSpec).
	Handlers []HandlerSpec `yaml:"handlers" json:"handlers"`
}

// HandlerSpec declares a router or a request type of the service's own:
//
//	handlers:
//	  - {package: example.com/web, type: Router, methods: [Page, API], arg: 1}
//	  - {package: example.com/web, type: Context, context: "%s.Req.Context()"}
//
// With methods, the methods (or, without a type, the package's functions)
// register handlers: the function value in argument arg (with variadic,
// the last argument from arg on) is a request handler, whatever its
// signature. Without methods, a function taking the type (or a pointer to
// it) is a request handler, and context, when given, is the expression
// that yields the request's context from such a parameter (%s).
type HandlerSpec struct {
	Package  string   `yaml:"package" json:"package"`
	Type     string   `yaml:"type" json:"type"`
	Methods  []string `yaml:"methods" json:"methods"`
	Arg      *int     `yaml:"arg" json:"arg"`
	Variadic bool     `yaml:"variadic" json:"variadic"`
	Context  string   `yaml:"context" json:"context"`
	Line     int      `yaml:"-" json:"-"`
}

// UnmarshalYAML records the line of a handler spec and checks its keys.
func (s *HandlerSpec) UnmarshalYAML(n *yaml.Node) error {
	if err := knownKeys(n, "package", "type", "methods", "arg", "variadic", "context"); err != nil {
		return err
	}
	type plain HandlerSpec
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*s = HandlerSpec(p)
	s.Line = n.Line
	return nil
}

// Spec names methods of one type (or functions of one package).
type Spec struct {
	Package string   `yaml:"package" json:"package"`
	Type    string   `yaml:"type" json:"type"`
	Methods []string `yaml:"methods" json:"methods"`
	Kind    string   `yaml:"kind" json:"kind"`
	Line    int      `yaml:"-" json:"-"`
}

// Contract configures apilint contract.
type Contract struct {
	FailOn            string            `yaml:"fail-on"`
	MinSunsetDays     *int              `yaml:"min-sunset-days"`
	AllowExternalRefs bool              `yaml:"allow-external-refs"`
	Rules             map[string]string `yaml:"rules"`
	// RuleLines holds the line of each rule entry, for errors.
	RuleLines map[string]int `yaml:"-"`
}

// Error is a configuration error at a file and line.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// Find looks for a configuration file in dir and its parents; "" if none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, name := range Names {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads and validates the file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading configuration: %w", err)
	}
	return Parse(path, data)
}

// Parse validates data read from path.
func Parse(path string, data []byte) (*File, error) {
	if len(data) > maxSize {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is larger than %d bytes", maxSize)}
	}
	f := &File{Path: path}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(f); err != nil && !errors.Is(err, io.EOF) { // an empty file is an empty configuration
		return nil, yamlError(path, data, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		line := next.Line
		if err != nil {
			return nil, yamlError(path, data, err)
		}
		return nil, &Error{Path: path, Line: line, Msg: "a second YAML document: apilint reads one configuration per file; merge the documents or remove the '---'"}
	}
	f.Path = path
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return f, nil
}

// UnmarshalYAML reads an analyzer's settings: enabled, level, and flags.
func (s *AnalyzerSettings) UnmarshalYAML(n *yaml.Node) error {
	s.Line = n.Line
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: analyzer settings must be a mapping", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "enabled":
			var b bool
			if err := v.Decode(&b); err != nil {
				return fmt.Errorf("line %d: enabled: %q: want true or false", v.Line, v.Value)
			}
			s.Enabled = &b
		case "level":
			s.Level = v.Value
		default:
			if v.Kind != yaml.ScalarNode && v.Kind != yaml.SequenceNode {
				return fmt.Errorf("line %d: %s must be a value or a list", v.Line, k.Value)
			}
			value := v.Value
			if v.Kind == yaml.SequenceNode {
				var items []string
				for _, c := range v.Content {
					items = append(items, c.Value)
				}
				value = strings.Join(items, ",")
			}
			s.Flags = append(s.Flags, Setting{Name: k.Value, Value: value, Line: k.Line})
		}
	}
	return nil
}

// UnmarshalYAML records the line of a spec. Node.Decode does not inherit
// the decoder's strictness, so keys are checked here.
func (s *Spec) UnmarshalYAML(n *yaml.Node) error {
	if err := knownKeys(n, "package", "type", "methods", "kind"); err != nil {
		return err
	}
	type plain Spec
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*s = Spec(p)
	s.Line = n.Line
	return nil
}

// UnmarshalYAML records the lines of rule entries.
func (c *Contract) UnmarshalYAML(n *yaml.Node) error {
	if err := knownKeys(n, "fail-on", "min-sunset-days", "allow-external-refs", "rules"); err != nil {
		return err
	}
	type plain Contract
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*c = Contract(p)
	c.RuleLines = make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "rules" && n.Content[i+1].Kind == yaml.MappingNode {
			rules := n.Content[i+1].Content
			for j := 0; j+1 < len(rules); j += 2 {
				c.RuleLines[rules[j].Value] = rules[j].Line
			}
		}
	}
	return nil
}

func (f *File) errorf(line int, format string, args ...any) error {
	return &Error{Path: f.Path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Validate checks values the YAML types do not.
func (f *File) Validate() error {
	if f.FailOn != "" {
		if _, ok := report.ParseLevel(f.FailOn); !ok {
			return f.errorf(0, "fail-on %q: want error, warning or note", f.FailOn)
		}
	}
	for name, a := range f.Analyzers {
		if a == nil {
			continue
		}
		if a.Level != "" {
			if _, ok := report.ParseLevel(a.Level); !ok {
				return f.errorf(a.Line, "analyzers.%s.level %q: want error, warning or note", name, a.Level)
			}
		}
	}
	for _, group := range []struct {
		key   string
		specs []Spec
	}{{"apis.queries", f.APIs.Queries}, {"apis.blocking", f.APIs.Blocking}} {
		for _, s := range group.specs {
			if s.Package == "" {
				return f.errorf(s.Line, "%s: package is required", group.key)
			}
			if len(s.Methods) == 0 {
				return f.errorf(s.Line, "%s: methods is required (use [\"*\"] for every method of the type)", group.key)
			}
			for _, m := range s.Methods {
				if m == "*" && s.Type == "" {
					return f.errorf(s.Line, "%s: methods [\"*\"] needs a type", group.key)
				}
			}
			if group.key == "apis.queries" {
				k, err := apis.ParseKind(s.Kind)
				if s.Kind == "" {
					return f.errorf(s.Line, "apis.queries: kind is required (read-many, read-one, write, round-trip or datastore)")
				}
				if err != nil || !(k.IsDB() || k == apis.Datastore || k == apis.BatchQueue || k == apis.BatchSend || k == apis.None) {
					return f.errorf(s.Line, "apis.queries: kind %q: want read-many, read-one, write, round-trip, datastore, batch-queue, batch-send or none", s.Kind)
				}
			} else if s.Kind != "" {
				return f.errorf(s.Line, "apis.blocking: kind is not used here; remove it")
			}
		}
	}
	for _, h := range f.APIs.Handlers {
		switch {
		case h.Package == "":
			return f.errorf(h.Line, "apis.handlers: package is required")
		case len(h.Methods) > 0 && h.Arg == nil:
			return f.errorf(h.Line, "apis.handlers: arg is required with methods: the index of the argument that is the handler (the first, with variadic)")
		case len(h.Methods) > 0 && *h.Arg < 0:
			return f.errorf(h.Line, "apis.handlers: arg must not be negative")
		case len(h.Methods) == 0 && h.Type == "":
			return f.errorf(h.Line, "apis.handlers: a request type needs type (or give methods to declare a router)")
		case len(h.Methods) > 0 && h.Context != "":
			return f.errorf(h.Line, "apis.handlers: context goes with a request type, not with methods")
		case h.Context != "" && !strings.Contains(h.Context, "%s"):
			return f.errorf(h.Line, "apis.handlers: context %q must contain %%s, the parameter", h.Context)
		}
	}
	if f.Contract.FailOn != "" {
		if _, ok := report.ParseLevel(f.Contract.FailOn); !ok {
			return f.errorf(0, "contract.fail-on %q: want error, warning or note", f.Contract.FailOn)
		}
	}
	if d := f.Contract.MinSunsetDays; d != nil && *d < 0 {
		return f.errorf(0, "contract.min-sunset-days must not be negative")
	}
	for id, level := range f.Contract.Rules {
		if _, ok := report.ParseLevel(level); !ok && level != "off" {
			return f.errorf(f.Contract.RuleLines[id], "contract.rules.%s %q: want error, warning, note or off", id, level)
		}
	}
	return nil
}

// Calls returns the apis.Calls the file adds to the tables.
func (f *File) Calls() []apis.Call {
	var out []apis.Call
	for _, s := range f.APIs.Queries {
		k, _ := apis.ParseKind(s.Kind)
		for _, m := range s.Methods {
			out = append(out, apis.Call{Pkg: s.Package, Recv: s.Type, Name: m, Kind: k})
		}
	}
	for _, s := range f.APIs.Blocking {
		for _, m := range s.Methods {
			out = append(out, apis.Call{Pkg: s.Package, Recv: s.Type, Name: m, Kind: apis.Blocking})
		}
	}
	return out
}

// Enabled says whether the file turns analyzer name on or off; ok is
// false when it says nothing.
func (f *File) Enabled(name string) (enabled, ok bool) {
	if s := f.Analyzers[name]; s != nil && s.Enabled != nil {
		return *s.Enabled, true
	}
	return false, false
}
