package contract

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary documents to Load, as a pull request could:
// it must return a spec or a one-line error naming the input, and never
// panic, hang on aliases or read outside the (empty) directory. The seeds
// run under go test; go test -fuzz=FuzzLoad ./contract explores further.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"testdata/diff/base.yaml", "testdata/headers.yaml", "testdata/lint/openapi.yaml", "testdata/multi/openapi.json", "testdata/escape/parent.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range []string{
		minimal,
		billionLaughs(),
		"openapi: 3.0.3\ninfo: {title: t, version: 1}\npaths:\n  /x: [\n",
		"openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {/x: {$ref: 'http://127.0.0.1:1/x'}}\n",
		"openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {/x: {get: {responses: {'200': {$ref: '#/nowhere'}}}}}\n",
		"openapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents: {schemas: {A: {$ref: '#/components/schemas/A'}}}\npaths: {}\n",
		"openapi: 3.0.0\n<<: {info: {title: t, version: '1'}}\npaths: {}\n",
		`{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": null}}`,
		"x: &a [*a]\n",
		"\xff\xfe\x00",
		`{"openapi": "3.0.3", "info": {"title": "\ud83d\udc4d \ud83d", "version": "1"}, "paths": {}}`,
		"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\npaths: {}\n",
		"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/x: {get: {$ref: '#/x-op'}}}\nx-op: {responses: {'200': {description: ok}}}\n",
		"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-n: 1e999\n",
		"openapi: 3.0.3\ninfo: {title: t, version: '1'}\ntags: [{name: a, description: {$ref: '#/x-d'}}]\npaths: {}\nx-d: text\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		s, err := Load("-", LoadOptions{Dir: dir, Stdin: bytes.NewReader(data), Bounds: Bounds{MaxNodes: 200_000}})
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
			if !strings.HasPrefix(msg, "<stdin>") {
				t.Errorf("error does not name the input: %q", msg)
			}
			return
		}
		if s.T == nil {
			t.Error("no error and no document")
		}
		// What loads must also go through the single-spec rules.
		runRules(&ruleInput{rev: s}, true, func(*Rule) bool { return true })
		runRules(&ruleInput{rev: s}, false, nil)
	})
}
