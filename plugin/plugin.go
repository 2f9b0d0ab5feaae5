// Package plugin registers apilint's analyzers as golangci-lint v2
// module plugins, one per analyzer (nplusone, notimeout, unbounded,
// blocking), so that //nolint:nplusone, enable and disable, and SARIF
// rule ids work per analyzer.
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
// Settings take the keys of the analyzer's section of .apilint.yml (its
// flags), plus apis (the tables' extensions, as in .apilint.yml) and
// config (the path of an .apilint.yml to apply).
package plugin

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers/blocking"
	"github.com/apilint/apilint/analyzers/notimeout"
	"github.com/apilint/apilint/analyzers/nplusone"
	"github.com/apilint/apilint/analyzers/unbounded"
	"github.com/apilint/apilint/internal/config"
	"github.com/apilint/apilint/internal/driver"
	"github.com/apilint/apilint/internal/effects"
	"github.com/apilint/apilint/internal/findings"
)

func init() {
	register.Plugin("nplusone", newPlugin[NplusoneSettings](nplusone.Analyzer))
	register.Plugin("notimeout", newPlugin[NotimeoutSettings](notimeout.Analyzer))
	register.Plugin("unbounded", newPlugin[UnboundedSettings](unbounded.Analyzer))
	register.Plugin("blocking", newPlugin[BlockingSettings](blocking.Analyzer))
}

// Shared are the settings every apilint plugin accepts.
type Shared struct {
	// Config is an .apilint.yml whose settings apply first.
	Config string `json:"config"`
	// APIs extends the knowledge tables, as apis in .apilint.yml.
	APIs *config.APIs `json:"apis"`
}

// NplusoneSettings configures the nplusone linter.
type NplusoneSettings struct {
	Shared
	Writes *bool `json:"writes"`
}

// NotimeoutSettings configures the notimeout linter.
type NotimeoutSettings struct {
	Shared
	All *bool `json:"all"`
}

// UnboundedSettings configures the unbounded linter.
type UnboundedSettings struct{ Shared }

// BlockingSettings configures the blocking linter.
type BlockingSettings struct{ Shared }

// flags returns the analyzer flag values a settings struct sets.
func flags(s any) map[string]string {
	out := make(map[string]string)
	switch s := s.(type) {
	case NplusoneSettings:
		if s.Writes != nil {
			out["writes"] = strconv.FormatBool(*s.Writes)
		}
	case NotimeoutSettings:
		if s.All != nil {
			out["all"] = strconv.FormatBool(*s.All)
		}
	}
	return out
}

func shared(s any) Shared {
	switch s := s.(type) {
	case NplusoneSettings:
		return s.Shared
	case NotimeoutSettings:
		return s.Shared
	case UnboundedSettings:
		return s.Shared
	case BlockingSettings:
		return s.Shared
	}
	return Shared{}
}

// guard makes the analyzers recover from panics once per process.
var guard sync.Once

// linter is one registered plugin.
type linter struct{ a *analysis.Analyzer }

func newPlugin[S any](a *analysis.Analyzer) register.NewPlugin {
	return func(raw any) (register.LinterPlugin, error) {
		guard.Do(func() {
			driver.Guard([]*analysis.Analyzer{nplusone.Analyzer, notimeout.Analyzer, unbounded.Analyzer, blocking.Analyzer})
			// golangci-lint makes an issue of each related entry.
			findings.ChainInMessage = true
		})
		s, err := register.DecodeSettings[S](raw)
		if err != nil {
			return nil, fmt.Errorf("apilint %s settings: %w", a.Name, err)
		}
		sh := shared(s)
		if sh.Config != "" {
			cfg, err := config.Load(sh.Config)
			if err != nil {
				return nil, err
			}
			if err := cfg.Apply([]*analysis.Analyzer{a, effects.Analyzer}, nil); err != nil {
				return nil, err
			}
		}
		for name, value := range flags(s) {
			if err := a.Flags.Set(name, value); err != nil {
				return nil, fmt.Errorf("apilint %s settings: %s: %w", a.Name, name, err)
			}
		}
		if sh.APIs != nil {
			file := &config.File{Path: "golangci-lint settings of " + a.Name, APIs: *sh.APIs}
			if err := file.Validate(); err != nil {
				return nil, err
			}
			if len(sh.APIs.Interfaces) > 0 {
				if err := effects.Analyzer.Flags.Set("interfaces", strings.Join(sh.APIs.Interfaces, ",")); err != nil {
					return nil, err
				}
			}
			file.ExtendAPIs()
		}
		return &linter{a: a}, nil
	}
}

// BuildAnalyzers returns the plugin's analyzer.
func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{l.a}, nil
}

// GetLoadMode asks for type information: the analyzers match APIs by type.
func (l *linter) GetLoadMode() string { return register.LoadModeTypesInfo }
