package action

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The pull request's OpenAPI spec: the base branch has three operations,
// the pull request removes GET /v1/healthz without deprecating it first.
const specBase = `openapi: 3.0.3
info:
  title: shop
  version: 1.0.0
paths:
  /v1/orders:
    get:
      operationId: listOrders
      responses:
        "200":
          description: the orders
    post:
      operationId: createOrder
      responses:
        "201":
          description: created
  /v1/healthz:
    get:
      operationId: healthz
      responses:
        "200":
          description: healthy
`

var specHead = strings.Replace(specBase, `  /v1/healthz:
    get:
      operationId: healthz
      responses:
        "200":
          description: healthy
`, "", 1)

// rates.go is the Go code the pull request adds: one notimeout finding on
// a changed line. cmd/shop/today.go calls it: apilint does not report
// code nothing calls.
const ratesGo = `package payments

import "net/http"

// ExchangeRates fetches today's exchange rates.
func ExchangeRates() (*http.Response, error) {
	return http.Get("https://rates.example.com/today")
}
`

const todayGo = `package main

import "example.com/shop/internal/payments"

func init() {
	go payments.ExchangeRates()
}
`

// fixture is a remote with a pull request, as GitHub has it: main, the
// pull request's branch, and refs/pull/1/merge, the merge commit that
// actions/checkout checks out.
type fixture struct {
	origin string // a bare repository
	merge  string // refs/pull/1/merge's commit
}

// gitEnv keeps the user's and the machine's git configuration out.
func gitEnv(home string) []string {
	return append(os.Environ(),
		"HOME="+home,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
		"GIT_TERMINAL_PROMPT=0",
	)
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always"}, args...)...)
	cmd.Dir = dir
	cmd.Env = gitEnv(dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newFixture builds the remote: a copy of testdata/example in svc/ with
// svc/api/openapi.yaml on main; a branch that adds rates.go (and its caller) and removes an
// operation from the spec; a later commit on main; the merge commit.
func newFixture(t *testing.T) fixture {
	t.Helper()
	root := t.TempDir()
	dev := filepath.Join(root, "dev")
	if err := os.MkdirAll(dev, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, dev, "init", "-q")
	if out, err := exec.Command("cp", "-R", filepath.Join(repoRoot(t), "testdata", "example"), filepath.Join(dev, "svc")).CombinedOutput(); err != nil {
		t.Fatalf("copying the example: %v\n%s", err, out)
	}
	writeFile(t, filepath.Join(dev, "svc", "api", "openapi.yaml"), specBase)
	writeFile(t, filepath.Join(dev, "README.md"), "# monorepo\n")
	git(t, dev, "add", ".")
	git(t, dev, "commit", "-q", "-m", "shop service")

	git(t, dev, "checkout", "-q", "-b", "feature")
	writeFile(t, filepath.Join(dev, "svc", "internal", "payments", "rates.go"), ratesGo)
	writeFile(t, filepath.Join(dev, "svc", "cmd", "shop", "today.go"), todayGo)
	writeFile(t, filepath.Join(dev, "svc", "api", "openapi.yaml"), specHead)
	git(t, dev, "add", ".")
	git(t, dev, "commit", "-q", "-m", "rates; no more healthz")

	git(t, dev, "checkout", "-q", "main")
	writeFile(t, filepath.Join(dev, "README.md"), "# monorepo\n\nThe shop lives in svc/.\n")
	git(t, dev, "commit", "-q", "-am", "readme")

	git(t, dev, "checkout", "-q", "--detach", "main")
	git(t, dev, "merge", "-q", "--no-ff", "-m", "Merge feature into main", "feature")
	merge := git(t, dev, "rev-parse", "HEAD")

	origin := filepath.Join(root, "origin.git")
	git(t, root, "init", "-q", "--bare", origin)
	git(t, dev, "push", "-q", origin, "main", "feature", "HEAD:refs/pull/1/merge")
	return fixture{origin: origin, merge: merge}
}

// checkout makes a workspace as actions/checkout does for a pull request:
// the merge commit alone (fetch-depth 1), origin pointing at the remote.
func (f fixture) checkout(t *testing.T) string {
	t.Helper()
	ws := filepath.Join(t.TempDir(), "workspace")
	if err := os.MkdirAll(ws, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, ws, "init", "-q")
	git(t, ws, "remote", "add", "origin", "file://"+f.origin)
	git(t, ws, "fetch", "-q", "--no-tags", "--depth=1", "origin", "+"+f.merge+":refs/remotes/pull/1/merge")
	git(t, ws, "checkout", "-q", "--detach", "refs/remotes/pull/1/merge")
	return ws
}

// pullRequest is the github context of the fixture's pull request, from
// headRepo ("shop/shop" for a branch of the repository itself).
func pullRequest(headRepo string) map[string]any {
	return map[string]any{
		"repository": "shop/shop",
		"event_name": "pull_request",
		"base_ref":   "main",
		"head_ref":   "feature",
		"ref":        "refs/pull/1/merge",
		"actor":      "octocat",
		"action_ref": "main",
		"event": map[string]any{
			"pull_request": map[string]any{
				"number": 1,
				"head":   map[string]any{"repo": map[string]any{"full_name": headRepo}},
			},
		},
	}
}
