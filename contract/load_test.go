package contract

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// write creates files under dir from name → content.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const minimal = `openapi: 3.0.3
info: {title: t, version: 1.0.0}
paths: {}
`

func TestLoadForms(t *testing.T) {
	stdin, err := os.ReadFile("testdata/diff/base.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, arg string
		opts      LoadOptions
		wantPath  string
		wantTitle string
	}{
		{"yaml file", "testdata/diff/base.yaml", LoadOptions{}, "/v1/widgets", "Widgets"},
		{"3.1 multi-file", "testdata/multi/openapi.yaml", LoadOptions{}, "/v2/widgets/{id}", "Multi"},
		{"json with yaml refs", "testdata/multi/openapi.json", LoadOptions{}, "/v2/widgets/{id}", "Multi JSON"},
		{"stdin", "-", LoadOptions{Stdin: strings.NewReader(string(stdin))}, "/v1/gadgets", "Widgets"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Load(tt.arg, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if s.T.Paths.Value(tt.wantPath) == nil {
				t.Errorf("no path %s", tt.wantPath)
			}
			if s.T.Info.Title != tt.wantTitle {
				t.Errorf("title %q, want %q", s.T.Info.Title, tt.wantTitle)
			}
		})
	}
}

func TestLoadResolvesRefsAcrossFiles(t *testing.T) {
	s, err := Load("testdata/multi/openapi.yaml", LoadOptions{KeepTrees: true})
	if err != nil {
		t.Fatal(err)
	}
	op := s.T.Paths.Value("/v2/widgets/{id}").Get
	schema := op.Responses.Value("200").Value.Content["application/json"].Schema.Value
	size := schema.Properties["size"].Value
	if len(size.Enum) != 3 {
		t.Errorf("size enum %v, want s, m, l from schemas/size.yaml", size.Enum)
	}
	// A position inside a $ref'd file is found through the ref.
	pos := s.position("paths", "/v2/widgets/{id}", "get", "responses", "200", "content", "application/json", "schema", "properties", "size", "enum")
	if pos.File != "testdata/multi/schemas/size.yaml" || pos.Line != 3 {
		t.Errorf("position %+v, want testdata/multi/schemas/size.yaml line 3", pos)
	}
}

// billionLaughs nests ten aliases ten deep: 10^9 strings once expanded,
// from under 1 KB.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: lol, version: '1'}\npaths: {}\nx-lol0: &a0 lol\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "x-lol%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write(t, outside, map[string]string{"secret.yaml": "Secret: {description: the secret is 42}\n"})
	write(t, dir, map[string]string{
		"bad.yaml":     "openapi: 3.0.3\ninfo: {title: t, version: 1}\npaths:\n  /x: [\n",
		"swagger.yaml": "swagger: '2.0'\ninfo: {title: t, version: 1}\npaths: {}\n",
		"empty.yaml":   "",
		"scalar.yaml":  "42\n",
		"types.yaml":   "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: 5\n",
		"laughs.yaml":  billionLaughs(),
		"cycle.yaml":   "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\nx-a: &a {b: *a}\n",
		"missing.yaml": strings.Replace(minimal, "paths: {}", "paths:\n  /x:\n    $ref: ./nowhere.yaml#/X", 1),
		"symlink.yaml": strings.Replace(minimal, "paths: {}", "paths:\n  /x:\n    get:\n      responses:\n        '200': {$ref: './link/secret.yaml#/Secret'}", 1),
		"big.yaml":     minimal + "x-pad: " + strings.Repeat("a", 2048) + "\n",
		"utf8.yaml":    "openapi: 3.0.3\ninfo: {title: \xff\xfe, version: 1}\n",
	})
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, arg string
		bounds    Bounds
		want      string // substring of the error
	}{
		{"syntax error names file and line", "bad.yaml", Bounds{}, "bad.yaml:4: did not find expected node content"},
		{"swagger 2", "swagger.yaml", Bounds{}, "swagger.yaml:1: a Swagger 2.0 document; apilint reads OpenAPI 3.0 and 3.1"},
		{"empty", "empty.yaml", Bounds{}, "empty.yaml: empty document"},
		{"not a mapping", "scalar.yaml", Bounds{}, "scalar.yaml:1: not a valid OpenAPI document: the top level is not a mapping"},
		{"wrong types", "types.yaml", Bounds{}, "types.yaml:3: not a valid OpenAPI document: json: cannot unmarshal number into field T.paths"},
		{"billion laughs", "laughs.yaml", Bounds{MaxNodes: 100_000}, "laughs.yaml:4: the document expands to more than 100000 nodes"},
		{"alias cycle", "cycle.yaml", Bounds{}, "cycle.yaml:4: alias *a refers to itself"},
		{"missing ref", "missing.yaml", Bounds{}, "missing.yaml:5: $ref to nowhere.yaml: no such file or directory"},
		{"symlink out of the tree", "symlink.yaml", Bounds{}, "a symlink leads out of the spec's directory"},
		{"size bound", "big.yaml", Bounds{MaxFileBytes: 1024}, "big.yaml: 2"},
		{"invalid utf-8", "utf8.yaml", Bounds{}, "utf8.yaml: not valid UTF-8"},
		{"escaping ref", "../../contract/testdata/escape/parent.yaml", Bounds{}, "$ref to /etc/passwd leaves the spec's directory; refusing to read it"},
		{"absolute ref", "../../contract/testdata/escape/absolute.yaml", Bounds{}, "$ref to /etc/passwd leaves the spec's directory"},
		{"no such file", "nope.yaml", Bounds{}, "nope.yaml: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arg := tt.arg
			if strings.HasPrefix(arg, "../../contract/") {
				wd, _ := os.Getwd()
				arg = filepath.Join(wd, strings.TrimPrefix(arg, "../../contract/"))
			}
			_, err := Load(arg, LoadOptions{Dir: dir, Bounds: tt.bounds})
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not contain %q", msg, tt.want)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
			if strings.Contains(msg, "root:") || strings.Contains(msg, "secret is 42") {
				t.Errorf("error echoes the content of a file outside the spec: %q", msg)
			}
		})
	}
}

// TestLoadBoundsMemory checks that a billion-laughs document under the
// default bounds is refused, rather than expanded until memory runs out.
func TestLoadBoundsMemory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"laughs.yaml": billionLaughs()})
	_, err := Load("laughs.yaml", LoadOptions{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "expands to more than") {
		t.Fatalf("error %v, want the node bound", err)
	}
}

// TestExternalRefsMakeNoConnection points a $ref at a local listener: off
// (the default) it must receive no connection at all; on, it is fetched.
func TestExternalRefsMakeNoConnection(t *testing.T) {
	var conns, requests atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		fmt.Fprint(w, "Thing: {type: string}\n")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	dir := t.TempDir()
	write(t, dir, map[string]string{"ext.yaml": strings.Replace(minimal, "paths: {}",
		"paths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '"+srv.URL+"/schemas.yaml#/Thing'}", 1)})

	_, err := Load("ext.yaml", LoadOptions{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "--allow-external-refs") {
		t.Fatalf("error %v, want a refusal naming --allow-external-refs", err)
	}
	if !strings.HasPrefix(err.Error(), "ext.yaml:11: ") {
		t.Errorf("error %q does not start with the file and line of the $ref", err)
	}
	if n := conns.Load(); n != 0 {
		t.Fatalf("the listener received %d connections with external refs off", n)
	}

	s, err := Load("ext.yaml", LoadOptions{Dir: dir, AllowExternalRefs: true})
	if err != nil {
		t.Fatal(err)
	}
	if requests.Load() != 1 {
		t.Errorf("%d requests with external refs allowed, want 1", requests.Load())
	}
	schema := s.T.Paths.Value("/x").Get.Responses.Value("200").Value.Content["application/json"].Schema.Value
	if !schema.Type.Is("string") {
		t.Errorf("external schema not resolved: %+v", schema)
	}
}

// gitRepo makes a repository with the multi-file fixture committed under
// api/, and returns its directory.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	for _, name := range []string{"openapi.yaml", "schemas/widget.yaml", "schemas/size.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata/multi", name))
		if err != nil {
			t.Fatal(err)
		}
		write(t, dir, map[string]string{"api/" + name: string(data)})
	}
	write(t, dir, map[string]string{
		"api/escape.yaml": strings.Replace(minimal, "paths: {}", "paths:\n  /x: {$ref: '../../outside.yaml#/X'}", 1),
	})
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "spec"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

func TestGitRef(t *testing.T) {
	dir := gitRepo(t)
	// The work tree moves on: size becomes an integer.
	write(t, dir, map[string]string{"api/schemas/size.yaml": "Size: {type: integer}\n"})

	base, err := Load("HEAD:api/openapi.yaml", LoadOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	size := base.T.Paths.Value("/v2/widgets/{id}").Get.Responses.Value("200").Value.Content["application/json"].Schema.Value.Properties["size"].Value
	if !size.Type.Is("string") {
		t.Errorf("HEAD:api/openapi.yaml read schemas/size.yaml from the work tree, not from HEAD: %v", size.Type)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "api/schemas/size.yaml")); string(got) != "Size: {type: integer}\n" {
		t.Error("reading from git changed the work tree")
	}

	res, err := Diff("HEAD:api/openapi.yaml", "api/openapi.yaml", Options{Load: LoadOptions{Dir: dir}, MinSunsetDays: 180})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range res.Findings {
		if f.Rule == "response-property-type-changed" && strings.Join(f.Operations, ",") == "GET /v2/widgets/{id}" {
			found = true
			if f.File != "api/openapi.yaml" && !strings.HasPrefix(f.File, "api/") {
				t.Errorf("finding in %q, want a file of the revision", f.File)
			}
		}
	}
	if !found {
		t.Errorf("no response-property-type-changed for GET /v2/widgets/{id} in %+v", res.Findings)
	}
}

func TestGitRefErrors(t *testing.T) {
	dir := gitRepo(t)
	tests := []struct{ arg, want string }{
		{"HEAD:api/escape.yaml", "HEAD:api/escape.yaml:4: $ref to /outside.yaml leaves the spec's directory"},
		{"HEAD:api/nothing.yaml", "HEAD:api/nothing.yaml: git cat-file: "},
		{"no-such-ref:api/openapi.yaml", "no-such-ref:api/openapi.yaml: git cat-file: "},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			_, err := Load(tt.arg, LoadOptions{Dir: dir})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

// TestLoadInputFixes covers inputs that real specs bring: a JSON string
// with a surrogate pair (Twilio), duplicate keys, numbers no float64
// holds, and $refs that point nowhere or in a circle.
func TestLoadInputErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"dup.yaml":      "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\ninfo: {title: u, version: 1.0.0}\n",
		"dupdeep.yaml":  "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /x:\n    get:\n      responses:\n        '200': {description: a}\n        '200': {description: b}\n",
		"dup.json":      `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},` + "\n" + `"paths": {}, "paths": {}}`,
		"lone.json":     `{"openapi": "3.0.3", "info": {"title": "t \ud83d", "version": "1"}, "paths": {}}`,
		"huge.yaml":     minimal + "x-n: 1e999\n",
		"hugeint.yaml":  minimal + "x-n: " + strings.Repeat("9", 400) + "\n",
		"dangling.yaml": strings.Replace(minimal, "paths: {}", "paths:\n  /x:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Nope'}", 1),
		"cycle.yaml":    minimal + "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
		"selfref.yaml":  minimal + "components:\n  schemas:\n    A: {$ref: '#/components/schemas/A'}\n",
		"fileref.yaml":  strings.Replace(minimal, "paths: {}", "paths:\n  /x:\n    get: {$ref: 'ops.yaml#/nope'}", 1),
		"ops.yaml":      "list: {responses: {'200': {description: ok}}}\n",
	})
	tests := []struct{ name, arg, want string }{
		{"duplicate top-level key", "dup.yaml", `dup.yaml:4: duplicate key "info" (first at line 2)`},
		{"duplicate response", "dupdeep.yaml", `dupdeep.yaml:8: duplicate key "200" (first at line 7)`},
		{"duplicate in JSON", "dup.json", `dup.json:2: duplicate key "paths" (first at line 2)`},
		{"lone surrogate", "lone.json", "lone.json:1: found invalid Unicode character escape code"},
		{"float too large", "huge.yaml", "huge.yaml:4: the number 1e999 is too large for a float64"},
		{"integer too large", "hugeint.yaml", "hugeint.yaml:4: the number 9999999999999999999999999999999999999... is too large for a float64"},
		{"dangling ref", "dangling.yaml", `dangling.yaml:7: $ref "#/components/responses/Nope" points to nothing: dangling.yaml has no #/components/responses/Nope`},
		{"ref cycle", "cycle.yaml", `cycle.yaml:6: $ref "#/components/schemas/B" is a cycle (#/components/schemas/B → #/components/schemas/A → #/components/schemas/B) that never reaches a value`},
		{"self ref", "selfref.yaml", `selfref.yaml:6: $ref "#/components/schemas/A" is a cycle`},
		{"dangling ref into a file", "fileref.yaml", `fileref.yaml:5: $ref "ops.yaml#/nope" points to nothing: ops.yaml has no #/nope`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.arg, LoadOptions{Dir: dir})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestLoadSurrogatePairs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"pair.json": `{"openapi": "3.0.3", "info": {"title": "thumbs \ud83d\udc4d, a backslash \\ud83d and \uD83D\uDE00", "version": "1"}, "paths": {}}`,
	})
	s, err := Load("pair.json", LoadOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if want := `thumbs 👍, a backslash \ud83d and 😀`; s.T.Info.Title != want {
		t.Errorf("title %q, want %q", s.T.Info.Title, want)
	}
}

// TestLoadRefusesNonRegularFiles gives a named pipe that nobody writes
// to: opening it the usual way would block for ever.
func TestLoadRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	write(t, dir, map[string]string{"refpipe.yaml": strings.Replace(minimal, "paths: {}", "paths:\n  /x: {$ref: 'pipe.yaml'}", 1)})
	tests := []struct{ arg, want string }{
		{"pipe.yaml", "pipe.yaml: a named pipe, not a regular file; refusing to read it"},
		{"refpipe.yaml", "refpipe.yaml:4: $ref to pipe.yaml: a named pipe, not a regular file"},
		{".", "a directory, not a file"},
	}
	for _, tt := range tests {
		_, err := Load(tt.arg, LoadOptions{Dir: dir})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%s): %v, want %q", tt.arg, err, tt.want)
		}
	}
}

// TestLoadOperationRefs loads a spec written as DigitalOcean writes its
// own: operations, a tag's description and a schema's whole properties
// map given as $refs to other files,
// whose own relative $refs must still resolve from where they are.
func TestLoadOperationRefs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"api.yaml": `openapi: 3.0.3
info: {title: t, version: 1.0.0}
tags:
  - name: widgets
    description: {$ref: 'docs.yaml#/widgets'}
paths:
  /v1/widgets:
    get: {$ref: 'resources/widgets/list.yaml'}
    post: {$ref: 'resources/widgets/create.yaml#/op'}
  /v1/gadgets: {$ref: 'resources/gadgets.yaml'}
`,
		"docs.yaml":                                "widgets: Widgets are things.\n",
		"resources/widgets/list.yaml":              "operationId: listWidgets\nresponses:\n  '200':\n    description: ok\n    content:\n      application/json:\n        schema: {$ref: 'models/widget.yaml'}\n",
		"resources/widgets/create.yaml":            "op:\n  operationId: createWidget\n  responses:\n    '201': {$ref: '#/created'}\ncreated: {description: created}\n",
		"resources/widgets/models/widget.yaml":     "type: object\nproperties: {$ref: 'attributes.yaml#/widget'}\n",
		"resources/widgets/models/attributes.yaml": "widget:\n  id: {type: string}\n",
		"resources/gadgets.yaml":                   "get: {$ref: 'gadgets/list.yaml'}\n",
		"resources/gadgets/list.yaml":              "operationId: listGadgets\nresponses: {'200': {description: ok}}\n",
	})
	s, err := Load("api.yaml", LoadOptions{Dir: dir, KeepTrees: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.T.Tags[0].Description; got != "Widgets are things." {
		t.Errorf("tag description %q", got)
	}
	w := s.T.Paths.Value("/v1/widgets")
	if w.Get == nil || w.Get.OperationID != "listWidgets" || w.Post == nil || w.Post.OperationID != "createWidget" {
		t.Fatalf("operations not resolved: %+v %+v", w.Get, w.Post)
	}
	schema := w.Get.Responses.Value("200").Value.Content["application/json"].Schema
	if schema.Value == nil || schema.Value.Properties["id"] == nil {
		t.Errorf("the operation's own $ref did not resolve from its file: %+v", schema)
	}
	if d := w.Post.Responses.Value("201"); d == nil || d.Value == nil || *d.Value.Description != "created" {
		t.Errorf("a fragment $ref inside the operation's file did not resolve")
	}
	if g := s.T.Paths.Value("/v1/gadgets"); g == nil || g.Get == nil || g.Get.OperationID != "listGadgets" {
		t.Errorf("an operation $ref inside a path item $ref did not resolve")
	}
	pos := s.position("paths", "/v1/widgets", "get", "responses", "200")
	if pos.File != "resources/widgets/list.yaml" || pos.Line != 4 {
		t.Errorf("position %+v, want resources/widgets/list.yaml:4", pos)
	}
}
