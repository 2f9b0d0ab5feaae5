package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apilint/apilint/internal/apis"
)

const valid = `# a full configuration
fail-on: warning
analyzers:
  nplusone:
    level: warning
    writes: false
  notimeout:
    enabled: false
  effects:
    interfaces: [Store, Gateway]
apis:
  interfaces: [Store, Repository, Gateway]
  queries:
    - package: xorm.io/xorm
      type: Session
      methods: [Find, Get, Count]
      kind: read-many
    - {package: example.com/kv, type: Client, methods: ["*"], kind: datastore}
  blocking:
    - {package: example.com/mail, type: Client, methods: [Send]}
  pagination-params: [limit, cursor]
contract:
  fail-on: error
  min-sunset-days: 90
  rules:
    api-path-removed-without-deprecation: warning
    request-parameter-removed: off
`

func TestParseValid(t *testing.T) {
	f, err := Parse("x/.apilint.yml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if f.FailOn != "warning" || f.Analyzers["nplusone"].Level != "warning" {
		t.Errorf("fail-on %q, nplusone level %q", f.FailOn, f.Analyzers["nplusone"].Level)
	}
	if s := f.Analyzers["nplusone"].Flags; len(s) != 1 || s[0] != (Setting{Name: "writes", Value: "false", Line: 6}) {
		t.Errorf("nplusone flags = %+v", s)
	}
	if s := f.Analyzers["effects"].Flags; len(s) != 1 || s[0].Value != "Store,Gateway" {
		t.Errorf("effects flags = %+v", s)
	}
	if e := f.Analyzers["notimeout"].Enabled; e == nil || *e {
		t.Errorf("notimeout enabled = %v", e)
	}
	calls := f.Calls()
	if len(calls) != 5 || calls[0] != (apis.Call{Pkg: "xorm.io/xorm", Recv: "Session", Name: "Find", Kind: apis.ReadMany}) ||
		calls[3].Kind != apis.Datastore || calls[4].Kind != apis.Blocking {
		t.Errorf("Calls = %+v", calls)
	}
	if *f.Contract.MinSunsetDays != 90 || f.Contract.Rules["request-parameter-removed"] != "off" ||
		f.Contract.RuleLines["request-parameter-removed"] != 27 {
		t.Errorf("contract = %+v", f.Contract)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown top key", "fail-on: error\nfailon: warning\n", "c.yml:2: unknown key \"failon\""},
		{"unknown nested key", "apis:\n  queries:\n    - package: p\n      typ: T\n", "c.yml:4: unknown key \"typ\""},
		{"bad fail-on", "fail-on: fatal\n", `fail-on "fatal"`},
		{"bad level", "analyzers:\n  nplusone:\n    level: loud\n", `c.yml:3: analyzers.nplusone.level "loud"`},
		{"missing package", "apis:\n  queries:\n    - {methods: [Get], kind: read-one}\n", "c.yml:3: apis.queries: package is required"},
		{"missing methods", "apis:\n  queries:\n    - {package: p, kind: read-one}\n", "c.yml:3: apis.queries: methods is required"},
		{"missing kind", "apis:\n  queries:\n    - {package: p, methods: [Get]}\n", "c.yml:3: apis.queries: kind is required"},
		{"bad kind", "apis:\n  queries:\n    - {package: p, methods: [Get], kind: slow}\n", `c.yml:3: apis.queries: kind "slow"`},
		{"star without type", "apis:\n  blocking:\n    - {package: p, methods: ['*']}\n", "needs a type"},
		{"bad rule level", "contract:\n  rules:\n    some-rule: loud\n", `c.yml:3: contract.rules.some-rule "loud"`},
		{"unknown contract key", "contract:\n  fail_on: error\n", "c.yml:2: unknown key \"fail_on\""},
		{"negative sunset", "contract:\n  min-sunset-days: -1\n", "must not be negative"},
		{"wrong type", "apis:\n  interfaces: yes\n", "c.yml:2: apis.interfaces: got a string (yes), want a list ([a, b])"},
		{"wrong type in contract", "contract:\n  min-sunset-days: soon\n", "c.yml:2: contract.min-sunset-days: got a string (soon), want a whole number"},
		{"wrong type in a flow entry", "apis:\n  handlers:\n    - {package: p, type: R, methods: [Get], arg: first}\n", "c.yml:3: apis.handlers[0].arg: got a string (first), want a whole number"},
		{"list for a string", "fail-on: [error]\n", "c.yml:1: fail-on: got a list, want a string"},
		{"near top key", "fail_on: warning\n", `c.yml:1: unknown key "fail_on" (did you mean "fail-on"?) (known: fail-on, analyzers, apis, contract)`},
		{"near apis key", "apis:\n  pagination_params: [page]\n", `c.yml:2: unknown key "pagination_params" (did you mean "pagination-params"?)`},
		{"near contract key", "contract:\n  min-sunset-day: 90\n", `c.yml:2: unknown key "min-sunset-day" (did you mean "min-sunset-days"?)`},
		{"near spec key", "apis:\n  blocking:\n    - {package: p, type: T, method: [Send]}\n", `c.yml:3: unknown key "method" (did you mean "methods"?)`},
		{"enabled not a bool", "analyzers:\n  nplusone:\n    enabled: 3\n", `c.yml:3: enabled: "3": want true or false`},
		{"not yaml", "fail-on: [\n", "c.yml:"},
		{"analyzer not a mapping", "analyzers:\n  nplusone: true\n", "c.yml:2: analyzer settings must be a mapping"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.yml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestParseEmptyAndLarge(t *testing.T) {
	if _, err := Parse("c.yml", nil); err != nil {
		t.Errorf("empty file: %v", err)
	}
	if _, err := Parse("c.yml", []byte("# only a comment\n")); err != nil {
		t.Errorf("comment only: %v", err)
	}
	if _, err := Parse("c.yml", make([]byte, maxSize+1)); err == nil {
		t.Error("oversized file accepted")
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != "" && !strings.HasPrefix(got, root) {
		t.Logf("found %s outside the test tree; ignoring", got)
	}
	cfg := filepath.Join(root, "a", ".apilint.yml")
	if err := os.WriteFile(cfg, []byte("fail-on: note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != cfg {
		t.Errorf("Find = %q, want %q", got, cfg)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte("a: &a [*a, *a]\nb: *a\n"))
	f.Add([]byte("analyzers: {x: {y: [1, 2]}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Parse("fuzz.yml", data) // must not panic
	})
}

func TestHandlerSpecs(t *testing.T) {
	good := "apis:\n  handlers:\n    - {package: example.com/web, type: Router, methods: [Page], arg: 1}\n    - {package: example.com/web, type: Context, context: \"%s.Req.Context()\"}\n"
	f, err := Parse("x/.apilint.yml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.APIs.Handlers) != 2 || f.APIs.Handlers[0].Line != 3 || *f.APIs.Handlers[0].Arg != 1 {
		t.Errorf("handlers = %+v", f.APIs.Handlers)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"apis:\n  handlers:\n    - {type: Router, methods: [Page], arg: 1}\n", "x/.apilint.yml:3: apis.handlers: package is required"},
		{"apis:\n  handlers:\n    - {package: p, type: Router, methods: [Page]}\n", "x/.apilint.yml:3: apis.handlers: arg is required"},
		{"apis:\n  handlers:\n    - {package: p}\n", "x/.apilint.yml:3: apis.handlers: a request type needs type"},
		{"apis:\n  handlers:\n    - {package: p, type: C, context: \"c.Ctx()\"}\n", "must contain %s"},
		{"apis:\n  handlers:\n    - {package: p, type: C, method: [X]}\n", `x/.apilint.yml:3: unknown key "method"`},
	} {
		_, err := Parse("x/.apilint.yml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}
