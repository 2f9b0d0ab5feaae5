package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// TestApplyBadValues checks that a flag value that does not parse is an
// error naming the file, the line, the key and what the flag takes.
func TestApplyBadValues(t *testing.T) {
	a := &analysis.Analyzer{Name: "demo", Doc: "demo: a test analyzer"}
	a.Flags.Bool("writes", true, "")
	a.Flags.Int("limit", 10, "")
	a.Flags.Duration("wait", time.Second, "")
	tests := []struct{ yaml, want string }{
		{"analyzers:\n  demo:\n    writes: maybe\n", `.apilint.yml:3: analyzers.demo.writes: "maybe": want true or false`},
		{"analyzers:\n  demo:\n    limit: many\n", `.apilint.yml:3: analyzers.demo.limit: "many": want a whole number`},
		{"analyzers:\n  demo:\n    wait: long\n", `.apilint.yml:3: analyzers.demo.wait: "long": want a duration (30s, 5m, 1h)`},
		{"analyzers:\n  demo:\n    writs: false\n", `.apilint.yml:3: analyzers.demo: unknown setting "writs" (did you mean "writes"?)`},
	}
	for _, tc := range tests {
		path := filepath.Join(t.TempDir(), ".apilint.yml")
		if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Resolve(Source{Path: path})
		if err != nil {
			t.Fatalf("%q: %v", tc.yaml, err)
		}
		err = s.Apply([]*analysis.Analyzer{a})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.want)
		}
	}
	if err := (&Settings{flags: []flagValue{{"demo", "writes", "maybe", "command line", false}}}).Apply([]*analysis.Analyzer{a}); err == nil ||
		err.Error() != `command line: demo.writes: "maybe": want true or false` {
		t.Errorf("flag from the command line: error %v", err)
	}
}
