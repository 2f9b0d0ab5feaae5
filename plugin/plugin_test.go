package plugin

import (
	"strings"
	"testing"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/findings"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func TestRegistered(t *testing.T) {
	for _, name := range analyzers.Names(analyzers.All()) {
		newPlugin, err := register.GetPlugin(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := newPlugin(nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil || len(as) != 1 || as[0].Name != name {
			t.Errorf("%s: analyzers %v, %v", name, as, err)
		}
		if p.GetLoadMode() != register.LoadModeTypesInfo {
			t.Errorf("%s: load mode %s", name, p.GetLoadMode())
		}
	}
}

func TestSettings(t *testing.T) {
	newPlugin, _ := register.GetPlugin("nplusone")
	p, err := newPlugin(map[string]any{
		"writes": false,
		"apis": map[string]any{
			"queries": []any{map[string]any{"package": "xorm.io/xorm", "type": "Session", "methods": []any{"Find"}, "kind": "read-many"}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	if got := as[0].Flags.Lookup("writes").Value.String(); got != "false" {
		t.Errorf("writes = %s", got)
	}
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"writez": false}, `unknown setting "writez" (did you mean "writes"?)`},
		{map[string]any{"apis": map[string]any{"queries": []any{map[string]any{"package": "p", "methods": []any{"Get"}, "kind": "slow"}}}}, `kind "slow"`},
		{map[string]any{"config": "/nonexistent/.apilint.yml"}, "reading configuration"},
	} {
		_, err := newPlugin(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want %q", tc.settings, err, tc.want)
		}
	}
}

// A rule added to the registry is a linter too, whose settings are its
// flags.
func TestFifthRule(t *testing.T) {
	fifth := analyzers.Rule{Name: "fifth", New: func(fx *analysis.Analyzer, out *findings.Options) *analysis.Analyzer {
		a := &analysis.Analyzer{Name: "fifth", Doc: "fifth: a test rule", Requires: []*analysis.Analyzer{fx},
			Run: func(*analysis.Pass) (any, error) { return nil, nil }}
		a.Flags.Bool("strict", false, "be strict")
		return a
	}}
	Register(append(analyzers.All(), fifth))
	defer Register(analyzers.All())
	newPlugin, err := register.GetPlugin("fifth")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"strict": true})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != "fifth" || as[0].Flags.Lookup("strict").Value.String() != "true" {
		t.Errorf("fifth: analyzers %v, %v", as, err)
	}
	if _, err := newPlugin(map[string]any{"strikt": true}); err == nil || !strings.Contains(err.Error(), `unknown setting "strikt" (did you mean "strict"?)`) {
		t.Errorf("a misspelt setting: %v", err)
	}
}
