// Package plugin registers apilint's rules as golangci-lint v2 module
// plugins, one linter per rule of analyzers.All (nplusone, notimeout,
// unbounded, blocking), so that //nolint:nplusone, enable and disable,
// and SARIF rule ids work per rule.
//
// Build a golangci-lint with it (see .custom-gcl.example.yml, or
// plugin/build-custom-gcl.sh where only the Go module proxy is
// reachable) and enable the linters in .golangci.yml:
//
//	linters:
//	  enable: [nplusone, notimeout, unbounded, blocking]
//	  settings:
//	    custom:
//	      nplusone:
//	        type: module
//	        settings:
//	          writes: false
//
// A linter's settings are its rule's flags (the keys of its section of
// .apilint.yml), plus apis (the tables' extensions, as in .apilint.yml)
// and config (the .apilint.yml to read instead of the one found from the
// working directory upward). They are resolved with the configuration
// file exactly as the apilint command and the vet tool resolve theirs; an
// unknown setting is an error naming the linter.
package plugin

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/config"
	"github.com/apilint/apilint/internal/driver"
	"github.com/apilint/apilint/internal/effects"
)

func init() {
	Register(analyzers.All())
}

// Register registers one golangci-lint linter per rule.
func Register(rules []analyzers.Rule) {
	p := &plugins{rules: rules, effects: make(map[string]*analysis.Analyzer)}
	for _, r := range rules {
		register.Plugin(r.Name, p.constructor(r.Name))
	}
}

// plugins holds what the linters of one golangci-lint process share: the
// effects analyzer, so that it summarises each package once, not once per
// linter. Linters whose settings resolve to the same knowledge share one.
type plugins struct {
	rules   []analyzers.Rule
	mu      sync.Mutex
	effects map[string]*analysis.Analyzer
}

// reserved are the settings every linter takes besides its rule's flags.
var reserved = map[string]bool{"config": true, "apis": true}

func (p *plugins) constructor(name string) register.NewPlugin {
	return func(raw any) (register.LinterPlugin, error) {
		settings, err := register.DecodeSettings[map[string]any](raw)
		if err != nil {
			return nil, fmt.Errorf("apilint %s settings: %w", name, err)
		}
		from := "golangci-lint settings of " + name
		src := config.Source{Dir: ".", Flags: make(map[string]string), FlagsFrom: from}
		for key, v := range settings {
			switch key {
			case "config":
				s, ok := v.(string)
				if !ok {
					return nil, fmt.Errorf("%s: config must be a file name", from)
				}
				src.Path = s
			case "apis":
				var a config.APIs
				data, _ := json.Marshal(v)
				dec := json.NewDecoder(strings.NewReader(string(data)))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&a); err != nil {
					return nil, fmt.Errorf("%s: apis: %v", from, err)
				}
				src.APIs = &a
			default:
				src.Flags[name+"."+key] = flagString(v)
			}
		}
		resolved, err := config.Resolve(src)
		if err != nil {
			return nil, err
		}
		out := resolved.FindingOptions()
		out.Inline = true // golangci-lint shows the message only
		set := analyzers.Build(p.rules, analyzers.Options{Table: resolved.Table(), Findings: out,
			Effects: p.sharedEffects(resolved, src)})
		if err := resolved.Apply(set.Configurable()); err != nil {
			return nil, err
		}
		a := set.Rule(name)
		if on, ok := resolved.Enabled(name); ok && !on {
			a = &analysis.Analyzer{Name: a.Name, Doc: a.Doc, Run: func(*analysis.Pass) (any, error) { return nil, nil }}
		}
		driver.Guard([]*analysis.Analyzer{a})
		return &linter{a: a}, nil
	}
}

// sharedEffects returns the effects analyzer for a resolved
// configuration, the same one for every linter whose configuration file
// and apis settings are the same.
func (p *plugins) sharedEffects(resolved *config.Settings, src config.Source) *analysis.Analyzer {
	h := sha256.New()
	if resolved.File != nil {
		data, _ := os.ReadFile(resolved.File.Path)
		fmt.Fprintf(h, "%s\x00%x\x00", resolved.File.Path, sha256.Sum256(data))
	}
	apis, _ := json.Marshal(src.APIs)
	h.Write(apis)
	key := string(h.Sum(nil))
	p.mu.Lock()
	defer p.mu.Unlock()
	if fx := p.effects[key]; fx != nil {
		return fx
	}
	fx := effects.New(effects.Options{Table: resolved.Table()})
	p.effects[key] = fx
	return fx
}

// flagString turns a setting's value into a flag value: lists are
// comma-separated.
func flagString(v any) string {
	switch v := v.(type) {
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = fmt.Sprint(x)
		}
		return strings.Join(parts, ",")
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// linter is one registered plugin.
type linter struct{ a *analysis.Analyzer }

// BuildAnalyzers returns the linter's analyzer.
func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{l.a}, nil
}

// GetLoadMode asks for type information: the analyzers match APIs by type.
func (l *linter) GetLoadMode() string { return register.LoadModeTypesInfo }
