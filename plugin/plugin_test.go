package plugin

import (
	"strings"
	"testing"

	"github.com/apilint/apilint/analyzers"
	"github.com/golangci/plugin-module-register/register"
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
