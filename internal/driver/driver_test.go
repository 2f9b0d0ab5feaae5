package driver_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/apilint/apilint/analyzers"
	"github.com/apilint/apilint/internal/driver"
	"github.com/apilint/apilint/internal/effects"
)

// writeModule writes files (path → content) under a new module root.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// replaceWith makes the module in dir require module, served from its
// directory stub (a stand-in with its own go.mod).
func replaceWith(t *testing.T, dir, module, stub string) {
	t.Helper()
	version := "v0.0.0"
	if i := strings.LastIndex(module, "/v"); i >= 0 && strings.Trim(module[i+2:], "0123456789") == "" {
		version = module[i+1:] + ".0.0" // a major version's path: /v2 needs v2.x.y
	}
	files := map[string]string{
		stub + "/go.mod": "module " + module + "\n\ngo 1.26\n",
		"go.mod":         "module example.com/m\n\ngo 1.26\n\nrequire " + module + " " + version + "\n\nreplace " + module + " => ./" + stub + "\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// withGinStub makes the module in dir require gin, served from a copy of
// its testdata stub.
func withGinStub(t *testing.T, dir string) {
	t.Helper()
	stub := filepath.Join("..", "stubs", "testdata", "src", "github.com", "gin-gonic", "gin")
	if out, err := exec.Command("cp", "-R", stub, filepath.Join(dir, "ginstub")).CombinedOutput(); err != nil {
		t.Fatalf("copying the gin stub: %v\n%s", err, out)
	}
	replaceWith(t, dir, "github.com/gin-gonic/gin", "ginstub")
}

// locations returns where res has findings of rule, as file:line.
func locations(res *driver.Result, rule string) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Rule == rule {
			out = append(out, fmt.Sprintf("%s:%d", f.File, f.Line))
		}
	}
	return out
}

const fetchGo = `package good

import "net/http"

func Fetch(u string) (*http.Response, error) {
	return http.Get(u)
}
`

func TestBrokenPackageStillReportsOthers(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"good/good.go": fetchGo,
		"bad/bad.go":   "package bad\n\nfunc F() int {\n\treturn \"not an int\"\n}\n",
	})
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.HasPrefix(res.Errors[0], "bad/bad.go:4:") {
		t.Errorf("Errors = %q, want one naming bad/bad.go:4", res.Errors)
	}
	if len(res.Findings) != 1 || res.Findings[0].File != "good/good.go" || res.Findings[0].Line != 6 {
		t.Errorf("Findings = %+v, want the http.Get in good/good.go:6", res.Findings)
	}
}

func TestFingerprintSurvivesInsertedLines(t *testing.T) {
	dir := writeModule(t, map[string]string{"good/good.go": fetchGo})
	run := func() (string, int) {
		t.Helper()
		res, err := run(dir)
		if err != nil || len(res.Findings) != 1 {
			t.Fatalf("Run: %v, %d findings", err, len(res.Findings))
		}
		return res.Findings[0].Fingerprint, res.Findings[0].Line
	}
	before, line := run()
	edited := strings.Replace(fetchGo, "import", "// Package good fetches.\n// It has a longer comment now.\n\nimport", 1)
	if err := os.WriteFile(filepath.Join(dir, "good/good.go"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	after, newLine := run()
	if newLine == line {
		t.Fatalf("line did not move (%d)", line)
	}
	if before != after {
		t.Errorf("fingerprint changed after inserting lines above: %s → %s", before, after)
	}
	changed := strings.Replace(edited, "http.Get(u)", "http.Get(u + \"?v=2\")", 1)
	if err := os.WriteFile(filepath.Join(dir, "good/good.go"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if third, _ := run(); third == before {
		t.Error("fingerprint unchanged after editing the finding's own line")
	}
}

func TestNoPackages(t *testing.T) {
	dir := writeModule(t, map[string]string{"a/a.go": "package a\n"})
	res, err := run(dir, "./nothing/...")
	if err == nil && (len(res.Errors) == 0 || !strings.Contains(res.Errors[0], "nothing")) {
		t.Errorf("Run on a pattern matching nothing: errors %q, want one naming the pattern", res.Errors)
	}
}

// The apilint command loads the whole program: a call through an
// interface resolves to an implementation in a package the caller does
// not import, and the finding names it without the naming heuristic.
func TestWholeProgramInterfaces(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"notes/notes.go": `package notes

import "context"

type Notes interface {
	Text(ctx context.Context, id int64) (string, error)
}
`,
		"notes/pg/pg.go": `package pg

import (
	"context"
	"database/sql"
)

type Notes struct{ DB *sql.DB }

func (n *Notes) Text(ctx context.Context, id int64) (string, error) {
	var s string
	err := n.DB.QueryRowContext(ctx, "SELECT text FROM notes WHERE id = $1", id).Scan(&s)
	return s, err
}
`,
		"api/api.go": `package api

import (
	"context"

	"example.com/m/notes"
)

func Texts(ctx context.Context, n notes.Notes, ids []int64) {
	for _, id := range ids {
		n.Text(ctx, id)
	}
}
`,
	})
	res, err := run(dir, []string{"./api"}...)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Fatalf("want one finding, got %+v (errors %q)", res.Findings, res.Errors)
	}
	f := res.Findings[0]
	if f.File != "api/api.go" || !strings.Contains(f.Message, "pg.(*Notes).Text runs (*sql.DB).QueryRowContext") || strings.Contains(f.Message, "inferred") {
		t.Errorf("finding = %s:%d %s", f.File, f.Line, f.Message)
	}
	want := []string{"api.Texts", "pg.(*Notes).Text", "(*sql.DB).QueryRowContext"}
	if strings.Join(f.Chain, " ") != strings.Join(want, " ") {
		t.Errorf("chain = %q, want %q", f.Chain, want)
	}
}

// A body limit registered by the program's main package, which imports
// the handlers, is seen by the apilint command (the whole program); the vet
// tool, which sees one package and its imports, cannot see it, and a
// program says so with -unbounded.bodies-capped. A limit in the handlers'
// own package is seen by both; one in a main that does not import them
// caps another server, and a middleware in main caps main's own routes
// and the handlers it is wrapped around where they are registered.
func TestBodyLimitElsewhere(t *testing.T) {
	handlers := `package handlers

import (
	"io"
	"net/http"
)

func Upload(w http.ResponseWriter, r *http.Request) { io.ReadAll(r.Body) }
`
	mainGo := `package main

import (
	"net/http"

	"example.com/m/handlers"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /upload", handlers.Upload)
	srv := &http.Server{Handler: http.MaxBytesHandler(mux, 1<<20), ReadHeaderTimeout: 1}
	srv.ListenAndServe()
}
`
	middlewareMain := `package main

import (
	"io"
	"net/http"

	"example.com/m/handlers"
)

func capped(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next(w, r)
	}
}

func feedback(w http.ResponseWriter, r *http.Request) { io.ReadAll(r.Body) }

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /upload", handlers.Upload)
	mux.HandleFunc("POST /feedback", capped(feedback))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 1}
	srv.ListenAndServe()
}
`
	// The same middleware wrapped around the other package's handler at
	// its registration caps that handler (mailpit's middleWareFunc).
	wrappedMain := strings.Replace(middlewareMain, `mux.HandleFunc("POST /upload", handlers.Upload)`, `mux.HandleFunc("POST /upload", capped(handlers.Upload))`, 1)
	otherMain := `package main

import "net/http"

func main() {
	srv := &http.Server{Handler: http.MaxBytesHandler(http.NewServeMux(), 1<<20), ReadHeaderTimeout: 1}
	srv.ListenAndServe()
}
`
	ownPkg := strings.Replace(handlers, "func Upload", `// Routes caps every body.
func Routes(mux *http.ServeMux) http.Handler {
	mux.HandleFunc("POST /upload", Upload)
	return http.MaxBytesHandler(mux, 1<<20)
}

func Upload`, 1)
	for _, tc := range []struct {
		name   string
		files  map[string]string
		capped bool
		want   int
	}{
		{"limit in main", map[string]string{"handlers/h.go": handlers, "main.go": mainGo}, false, 0},
		{"limit in a main that does not import the handlers", map[string]string{"handlers/h.go": handlers, "tools/main.go": otherMain}, false, 1},
		{"a middleware in main caps main's own routes", map[string]string{"handlers/h.go": handlers, "main.go": middlewareMain}, false, 1},
		{"a middleware in main wrapped around the handler at its route", map[string]string{"handlers/h.go": handlers, "main.go": wrappedMain}, false, 0},
		{"limit in main, declared", map[string]string{"handlers/h.go": handlers, "main.go": mainGo}, true, 0},
		{"limit in the package", map[string]string{"handlers/h.go": ownPkg}, false, 0},
		{"no limit", map[string]string{"handlers/h.go": handlers}, false, 1},
	} {
		dir := writeModule(t, tc.files)
		res, err := runWith(dir, func(set *analyzers.Set) {
			if tc.capped {
				set.Rule("unbounded").Flags.Set("bodies-capped", "true")
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != tc.want {
			t.Errorf("%s: %d findings, want %d: %+v", tc.name, len(res.Findings), tc.want, res.Findings)
		}
	}
}

// run analyzes patterns in dir with every rule, as the apilint command does.
func run(dir string, patterns ...string) (*driver.Result, error) {
	return runWith(dir, nil, patterns...)
}

// runWith is run with the analyzers' settings changed by configure.
func runWith(dir string, configure func(*analyzers.Set), patterns ...string) (*driver.Result, error) {
	var slot atomic.Pointer[effects.Program]
	set := analyzers.Build(analyzers.All(), analyzers.Options{Program: &slot})
	if configure != nil {
		configure(set)
	}
	return driver.Run(driver.Options{Dir: dir, Root: dir, Patterns: patterns,
		Analyzers: append(set.Rules, set.Directives), Effects: set.Effects, Program: &slot})
}

// A storage interface with many implementations in packages the caller
// does not import: work only one backend does (a driver that polls with a
// sleep) is that backend's, taken only where it is configured, and
// blocking leaves it alone; work most backends do is reported.
func TestBackendsAreVariant(t *testing.T) {
	files := map[string]string{
		"storage/storage.go": `package storage

type Driver interface {
	Link(path string) (string, error)
	Put(path string, data []byte) error
}
`,
		"web/web.go": `package web

import (
	"net/http"

	"example.com/m/storage"
)

var d storage.Driver

func link(w http.ResponseWriter, r *http.Request) {
	u, _ := d.Link(r.URL.Path)
	w.Write([]byte(u))
}

func put(w http.ResponseWriter, r *http.Request) {
	d.Put(r.URL.Path, nil)
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /link/", link)
	mux.HandleFunc("PUT /put/", put)
}
`,
	}
	for i, name := range []string{"local", "ftp", "webdav", "polling"} {
		link := "return path, nil"
		if name == "polling" {
			link = "time.Sleep(2 * time.Second)\n\treturn path, nil"
		}
		put := "time.Sleep(3 * time.Second)\n\treturn nil"
		if i == 0 {
			put = "return nil"
		}
		files["drivers/"+name+"/"+name+".go"] = "package " + name + `

import "time"

type Driver struct{}

func (Driver) Link(path string) (string, error) {
	` + link + `
}

func (Driver) Put(path string, data []byte) error {
	` + put + `
}

var _ = time.Second
`
	}
	dir := writeModule(t, files)
	res, err := run(dir, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "blocking" {
			got = append(got, f.File+": "+f.Message)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "request handler put sleeps") {
		t.Errorf("blocking findings = %q, want one, for put (three of four drivers sleep), none for link (one of four)", got)
	}
}

// A query without a context inside a dependency (an ORM's code path) is
// the dependency's to fix: a handler reaching it is not reported. The
// same helper in the program's own module is.
func TestDependencyContextIsTheirs(t *testing.T) {
	helper := `

import "database/sql"

func Load(db *sql.DB) error {
	_, err := db.Query("SELECT id FROM t")
	return err
}
`
	dir := writeModule(t, map[string]string{
		"dep/go.mod":     "module example.com/dep\n\ngo 1.26\n",
		"dep/orm/orm.go": "package orm" + helper,
		"store/store.go": "package store" + helper,
		"web/web.go": `package web

import (
	"database/sql"
	"net/http"

	"example.com/dep/orm"
	"example.com/m/store"
)

var db *sql.DB

func theirs(w http.ResponseWriter, r *http.Request) { orm.Load(db) }

func ours(w http.ResponseWriter, r *http.Request) { store.Load(db) }

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/theirs", theirs)
	mux.HandleFunc("/ours", ours)
}
`,
	})
	mod := "module example.com/m\n\ngo 1.26\n\nrequire example.com/dep v1.0.0\n\nreplace example.com/dep v1.0.0 => ./dep\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := run(dir, "./web", "./store")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "notimeout" && strings.Contains(f.Message, "with no context") {
			got = append(got, f.Message)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "request handler ours runs") {
		t.Errorf("findings = %q, want one, for ours (the program's own helper), none for theirs (a dependency's)", got)
	}
}

// An analyzer that fails makes every analyzer that needs it fail with
// only "failed prerequisites": the error reported is the failing one's
// own, once.
func TestPrerequisiteErrorIsReported(t *testing.T) {
	dir := writeModule(t, map[string]string{"good/good.go": fetchGo})
	boom := &analysis.Analyzer{Name: "boom", Doc: "boom panics",
		Run: func(*analysis.Pass) (any, error) { panic("boom went off") }}
	users := []*analysis.Analyzer{
		{Name: "first", Doc: "first needs boom", Requires: []*analysis.Analyzer{boom}, Run: func(*analysis.Pass) (any, error) { return nil, nil }},
		{Name: "second", Doc: "second needs boom", Requires: []*analysis.Analyzer{boom}, Run: func(*analysis.Pass) (any, error) { return nil, nil }},
	}
	driver.Guard(users)
	res, err := driver.Run(driver.Options{Dir: dir, Root: dir, Analyzers: users})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0], "boom: internal error: analyzer boom panicked") ||
		!strings.Contains(res.Errors[0], "boom went off") {
		t.Errorf("Errors = %q, want boom's panic once", res.Errors)
	}
}

// The apilint command sees the whole program: a finding in a function
// nothing calls, or behind a setting nothing changes, is not reported,
// while the same loop in a function main reaches is.
func TestDeadCodeIsSilent(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"store/store.go": `package store

import (
	"context"
	"database/sql"
	"time"
)

// SyncPeriod turns the sync off below 30 seconds; nothing sets it.
var SyncPeriod = -1

func Names(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
	}
}

// Unused has no caller.
func Unused(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
	}
}

type Node struct{ ID int64 }

// Sync is a method no interface declares, called only from AutoSync.
func (n Node) Sync(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM topics WHERE id = $1", id)
	}
}

func AutoSync(ctx context.Context, db *sql.DB, ids []int64) {
	if SyncPeriod < 30 {
		return
	}
	for {
		Node{}.Sync(ctx, db, ids)
		time.Sleep(time.Duration(SyncPeriod) * time.Second)
	}
}
`,
		"main.go": `package main

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/m/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	http.HandleFunc("/names", func(w http.ResponseWriter, r *http.Request) {
		store.Names(r.Context(), db, []int64{1, 2})
	})
	go store.AutoSync(context.Background(), db, nil)
}
`,
	})
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "nplusone"), []string{"store/store.go:14"}; !slices.Equal(got, want) {
		t.Errorf("nplusone findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// In the apilint command, a loop that runs only while the program starts
// (main calls it through other packages, by name, and nothing else runs
// it) is not an N+1; one a handler also runs, or one main runs on every
// tick, is.
func TestStartUpCodeIsSilent(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"store/store.go": `package store

import (
	"context"
	"database/sql"
)

type Store struct{ DB *sql.DB }

// FixStates runs once per start: only InitData calls it.
func (s Store) FixStates(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.DB.ExecContext(ctx, "UPDATE sessions SET state = 'closed' WHERE id = $1", id)
	}
}

// Names runs at start and for every request.
func (s Store) Names(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
	}
}

// Expire runs on every tick of main's loop.
func (s Store) Expire(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.DB.ExecContext(ctx, "DELETE FROM tokens WHERE id = $1", id)
	}
}

// Pending are the ids the program works on.
var Pending []int64
`,
		"app/app.go": `package app

import (
	"context"

	"example.com/m/store"
)

func InitData(ctx context.Context, s store.Store, ids []int64) {
	s.FixStates(ctx, ids)
	s.Names(ctx, ids)
}
`,
		"main.go": `package main

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"example.com/m/app"
	"example.com/m/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := store.Store{DB: db}
	app.InitData(context.Background(), s, store.Pending)
	http.HandleFunc("/names", func(w http.ResponseWriter, r *http.Request) {
		s.Names(r.Context(), store.Pending)
	})
	for {
		s.Expire(context.Background(), store.Pending)
		time.Sleep(time.Minute)
	}
}
`,
	})
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "nplusone"), []string{"store/store.go:20", "store/store.go:27"}; !slices.Equal(got, want) {
		t.Errorf("nplusone findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// What a command-line command runs when it is invoked (urfave/cli's
// Action) runs once per process, like main: a loop in a function only it
// reaches, in another package, is start-up code; one it runs on every
// tick is not. A method named like an interface's is start-up code too,
// unless its type implements an interface of that name, and so is a
// function literal handed to a function that only calls it (a
// transaction wrapper), unlike one handed to a function that keeps it.
func TestCommandActionIsStartUp(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"clistub/cli.go": `package cli

type Context struct{}

type Command struct {
	Name   string
	Action func(*Context) error
}

type App struct {
	Commands []*Command
	Action   func(*Context) error
}

func (a *App) Run(args []string) error { return nil }
`,
		"store/store.go": `package store

import (
	"context"
	"database/sql"
)

type Store struct{ DB *sql.DB }

// SyncMenus runs when the serve command starts.
func (s Store) SyncMenus(ctx context.Context, names []string) {
	for _, n := range names {
		s.DB.ExecContext(ctx, "INSERT INTO menus (name) VALUES ($1)", n)
	}
}

// Refresh runs whenever a Module's Init is called.
func (s Store) Refresh(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.DB.ExecContext(ctx, "UPDATE caches SET fresh = true WHERE id = $1", id)
	}
}

type Module interface {
	Init(ctx context.Context) error
	Name() string
}

// Mods has no Name: no interface of the program calls its Init.
type Mods struct{ S Store }

func (m *Mods) Init(ctx context.Context) error {
	m.S.SyncMenus(ctx, PendingNames)
	return nil
}

// Plugin is a Module: its Init may run at any time.
type Plugin struct{ S Store }

func (p Plugin) Name() string { return "plugin" }

func (p Plugin) Init(ctx context.Context) error {
	p.S.Refresh(ctx, Pending)
	return nil
}

// Reindex runs in a transaction the serve command opens at start.
func (s Store) Reindex(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.DB.ExecContext(ctx, "UPDATE docs SET indexed = true WHERE id = $1", id)
	}
}

// Purge runs whenever the jobs Later keeps are run.
func (s Store) Purge(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.DB.ExecContext(ctx, "DELETE FROM docs WHERE id = $1", id)
	}
}

// InTx runs fn before it returns.
func (s Store) InTx(ctx context.Context, fn func(context.Context) error) error {
	if fn == nil {
		return nil
	}
	return fn(ctx)
}

var jobs []func(context.Context) error

// Later keeps fn to run at any time.
func (s Store) Later(fn func(context.Context) error) { jobs = append(jobs, fn) }

// Expire runs on every tick of the worker command.
func (s Store) Expire(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.DB.ExecContext(ctx, "DELETE FROM tokens WHERE id = $1", id)
	}
}

// Pending and PendingNames are what the program works on.
var (
	Pending      []int64
	PendingNames []string
)
`,
		"main.go": `package main

import (
	"context"
	"database/sql"
	"os"
	"time"

	"example.com/m/store"
	"github.com/urfave/cli/v2"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := store.Store{DB: db}
	app := &cli.App{Commands: []*cli.Command{
		{Name: "serve", Action: func(*cli.Context) error {
			(&store.Mods{S: s}).Init(context.Background())
			store.Plugin{S: s}.Init(context.Background())
			s.InTx(context.Background(), func(ctx context.Context) error {
				s.Reindex(ctx, store.Pending)
				return nil
			})
			s.Later(func(ctx context.Context) error {
				s.Purge(ctx, store.Pending)
				return nil
			})
			return nil
		}},
		{Name: "work", Action: func(*cli.Context) error {
			for {
				s.Expire(context.Background(), store.Pending)
				time.Sleep(time.Minute)
			}
		}},
	}}
	app.Run(os.Args)
}
`,
	})
	replaceWith(t, dir, "github.com/urfave/cli/v2", "clistub")
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "nplusone"), []string{"store/store.go:20", "store/store.go:57", "store/store.go:77"}; !slices.Equal(got, want) {
		t.Errorf("nplusone findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// An exported method's variadic parameter, when every call in the
// program lists its arguments one by one, holds as many elements as the
// code writes: a loop over it is silent in the apilint command. Spread
// from a request (roles...) somewhere, it is reported.
func TestListedVariadicIsSilent(t *testing.T) {
	for _, tc := range []struct {
		call string
		want []string
	}{
		{"s.Grant(r.Context(), 1, \"admin\")", nil},
		{"s.Grant(r.Context(), 1, r.URL.Query()[\"role\"]...)", []string{"db/db.go:12"}},
	} {
		dir := writeModule(t, map[string]string{
			"db/db.go": `package db

import (
	"context"
	"database/sql"
)

type DB struct{ SQL *sql.DB }

func (d *DB) Grant(ctx context.Context, user int64, roles ...string) {
	for _, r := range roles {
		d.SQL.ExecContext(ctx, "INSERT INTO grants (user_id, role) VALUES ($1, $2)", user, r)
	}
}
`,
			"api/api.go": `package api

import (
	"context"
	"net/http"
)

type Store interface {
	Grant(ctx context.Context, user int64, roles ...string)
}

func Handler(s Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		` + tc.call + `
	}
}
`,
			"main.go": `package main

import (
	"database/sql"
	"net/http"

	_ "github.com/lib/pq"

	"example.com/m/api"
	"example.com/m/db"
)

func main() {
	conn, _ := sql.Open("postgres", "")
	http.Handle("/grant", api.Handler(&db.DB{SQL: conn}))
	http.ListenAndServe(":8080", nil)
}
`,
			"pq/pq.go": "package pq\n",
		})
		replaceWith(t, dir, "github.com/lib/pq", "pq")
		res, err := run(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := locations(res, "nplusone"); !slices.Equal(got, tc.want) {
			t.Errorf("%s: nplusone findings at %q, want %q (errors %q)", tc.call, got, tc.want, res.Errors)
		}
	}
}

// A handler package that imports no driver takes the whole program's
// database in the apilint command: a query with no context behind an
// interface is a finding on PostgreSQL, and a hidden note on SQLite, which
// runs in the process.
func TestProgramDatabase(t *testing.T) {
	for _, tc := range []struct {
		driver, name string
		want         int
	}{
		{"github.com/lib/pq", "pq", 1},
		{"github.com/mattn/go-sqlite3", "sqlite3", 0},
	} {
		dir := writeModule(t, map[string]string{
			"store/store.go": "package store\n\ntype Store interface{ Name(id int64) (string, error) }\n",
			"db/db.go": `package db

import (
	"database/sql"

	_ "` + tc.driver + `"
)

type DB struct{ SQL *sql.DB }

func (d *DB) Name(id int64) (string, error) {
	var s string
	err := d.SQL.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&s)
	return s, err
}
`,
			"api/api.go": `package api

import (
	"net/http"

	"example.com/m/store"
)

type Server struct{ Store store.Store }

func (s *Server) user(w http.ResponseWriter, r *http.Request) {
	name, _ := s.Store.Name(1)
	w.Write([]byte(name))
}

func (s *Server) Routes(mux *http.ServeMux) { mux.HandleFunc("GET /users/1", s.user) }
`,
			"main.go": `package main

import (
	"database/sql"
	"net/http"

	"example.com/m/api"
	"example.com/m/db"
)

func main() {
	sqlDB, _ := sql.Open("` + tc.name + `", "")
	mux := http.NewServeMux()
	(&api.Server{Store: &db.DB{SQL: sqlDB}}).Routes(mux)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10}
	srv.ListenAndServe()
}
`,
			"driverstub/driver.go": "package " + tc.name + "\n",
		})
		replaceWith(t, dir, tc.driver, "driverstub")
		res, err := run(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := locations(res, "notimeout"); len(got) != tc.want {
			t.Errorf("%s: notimeout findings %q, want %d (errors %q)", tc.driver, got, tc.want, res.Errors)
		}
	}
}

// Handlers declared in one package and registered in another (gin routes
// in main, controllers in their own package) get the routes in the
// apilint command: a binder on a GET route reads no body, on a POST it
// does.
func TestRoutesFromAnotherPackage(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"ctl/ctl.go": `package ctl

import "github.com/gin-gonic/gin"

type User struct{}

type query struct{ Name string }

func (User) List(c *gin.Context) {
	var q query
	c.Bind(&q)
}

func (User) Add(c *gin.Context) {
	var q query
	c.Bind(&q)
}
`,
		"main.go": `package main

import (
	"github.com/gin-gonic/gin"

	"example.com/m/ctl"
)

func main() {
	r := gin.New()
	g := r.Group("/user")
	g.GET("/list", ctl.User{}.List)
	g.POST("/add", ctl.User{}.Add)
}
`,
	})
	withGinStub(t, dir)
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "unbounded"), []string{"ctl/ctl.go:16"}; !slices.Equal(got, want) {
		t.Errorf("unbounded findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// A package no main imports is a library's API, whose exported functions
// others call; one named for tests (testserver) serves only the module's
// own tests, and nothing in the program runs it.
func TestTestSupportIsSilent(t *testing.T) {
	fetch := func(pkg string) string {
		return "package " + pkg + `

import "net/http"

func Fetch(url string) (*http.Response, error) {
	return http.Get(url)
}
`
	}
	dir := writeModule(t, map[string]string{
		"client/client.go":           fetch("client"),
		"testserver/testserver.go":   fetch("testserver"),
		"forge/fixtures/fixtures.go": fetch("fixtures"),
		"store/mocks/mocks.go":       fetch("mocks"),
		"fakes/fakes.go":             fetch("fakes"),
		"main.go":                    "package main\n\nfunc main() {}\n",
	})
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "notimeout"), []string{"client/client.go:6"}; !slices.Equal(got, want) {
		t.Errorf("notimeout findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// A body cap a middleware package gives the whole gin engine caps every
// route, registered in any package; given to one group, only that
// group's.
func TestRootRouterBodyCap(t *testing.T) {
	for _, tc := range []struct {
		use  string
		want []string
	}{
		{"r.Use(mw.Cap(1 << 20))", nil},
		{`r.Group("/admin").Use(mw.Cap(1 << 20))`, []string{"ctl/ctl.go:10"}},
	} {
		dir := writeModule(t, map[string]string{
			"mw/mw.go": `package mw

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Cap(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}
`,
			"ctl/ctl.go": `package ctl

import "github.com/gin-gonic/gin"

type item struct{ Name string }

func Register(g *gin.RouterGroup) {
	g.POST("/items", func(c *gin.Context) {
		var v item
		c.ShouldBindJSON(&v)
	})
}
`,
			"main.go": `package main

import (
	"github.com/gin-gonic/gin"

	"example.com/m/ctl"
	"example.com/m/mw"
)

func main() {
	r := gin.New()
	` + tc.use + `
	ctl.Register(r.Group("/api"))
}
`,
		})
		withGinStub(t, dir)
		res, err := run(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := locations(res, "unbounded"); !slices.Equal(got, tc.want) {
			t.Errorf("%s: unbounded findings at %q, want %q (errors %q)", tc.use, got, tc.want, res.Errors)
		}
	}
}

// A middleware handed to one router's Use caps the routes registered on it
// and on the routers derived from it, in any package: agola's
// stdRouter.Use(handlers.NewMaxBytesHandler(n)), whose factory returns a
// handler type that caps the body in its ServeHTTP. A router derived from
// the uncapped root (its /repos/ routes) stays uncapped.
func TestRouterUseBodyCap(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"mw/mw.go": `package mw

import "net/http"

type maxBytes struct {
	h http.Handler
	n int64
}

func MaxBytes(n int64) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler { return &maxBytes{h: h, n: n} }
}

func (m *maxBytes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, m.n)
	m.h.ServeHTTP(w, r)
}
`,
		"handlers/handlers.go": `package handlers

import (
	"encoding/json"
	"net/http"
)

type Items struct{}

func NewItems() *Items { return &Items{} }

func (h *Items) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var v map[string]string
	json.NewDecoder(r.Body).Decode(&v)
}

type Push struct{}

func NewPush() *Push { return &Push{} }

func (h *Push) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var v map[string]string
	json.NewDecoder(r.Body).Decode(&v)
}
`,
		"main.go": `package main

import (
	"net/http"

	"example.com/m/handlers"
	"example.com/m/mw"
)

type Router struct{ mux *http.ServeMux }

func (r *Router) Use(mws ...func(http.Handler) http.Handler) {}
func (r *Router) Sub(prefix string) *Router                 { return r }
func (r *Router) Handle(path string, h http.Handler)        { r.mux.Handle(path, h) }

func auth(h http.Handler) http.Handler { return h }

func main() {
	root := &Router{mux: http.NewServeMux()}
	repos := root.Sub("/repos/")
	std := root.Sub("/")
	std.Use(mw.MaxBytes(1 << 20))
	api := std.Sub("/api/")
	api.Handle("/items", auth(handlers.NewItems()))
	repos.Handle("/push", auth(handlers.NewPush()))
	http.ListenAndServe("localhost:8080", root.mux)
}
`,
	})
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "unbounded"), []string{"handlers/handlers.go:23"}; !slices.Equal(got, want) {
		t.Errorf("unbounded findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// The naming heuristic takes an interface named ...DB for a database only
// in the user's own modules (koito's db.DB); a versioned dependency's own
// DB interface (zgo.at/zdb's, which wraps the handle its functions already
// show) is not inferred for its callers.
func TestInterfaceSuffixDBOwnModule(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"zdbstub/zdb.go": `package zdb

import (
	"context"
	"database/sql"
)

type DB interface {
	Begin(ctx context.Context) (context.Context, error)
}

func Open(dsn string) (*sql.DB, error) { return sql.Open("postgres", dsn) }

func TX(ctx context.Context, db DB, fn func(context.Context) error) error {
	txctx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	return fn(txctx)
}
`,
		"store/store.go": `package store

import "context"

type Artist struct{ ID int64 }

// DB is the service's whole database behind one interface.
type DB interface {
	GetArtist(ctx context.Context, id int64) (Artist, error)
}
`,
		"api/api.go": `package api

import (
	"context"

	"example.com/m/store"
	"example.com/zdb"
)

func Artists(ctx context.Context, db store.DB, ids []int64) {
	for _, id := range ids {
		db.GetArtist(ctx, id)
	}
}

func Touch(ctx context.Context, db zdb.DB, ids []int64) {
	for range ids {
		zdb.TX(ctx, db, func(context.Context) error { return nil })
	}
}
`,
	})
	replaceWith(t, dir, "example.com/zdb", "zdbstub")
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "nplusone"), []string{"api/api.go:12"}; !slices.Equal(got, want) {
		t.Errorf("nplusone findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// A loop in a literal handed to a store interface's WithTx, whose every
// implementation begins a transaction, runs the literal and commits, is
// start-up code where the function handing it is (logchef's
// provisioning); the same loop on a request path is reported.
func TestInterfaceWithTxAtStartUp(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"store/store.go": `package store

import (
	"context"
	"database/sql"
)

type Store interface {
	WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error
}

type PG struct{ db *sql.DB }

func New(db *sql.DB) *PG { return &PG{db: db} }

func (p *PG) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
`,
		"main.go": `package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"strings"

	"example.com/m/store"
)

var names = strings.Fields(os.Getenv("NAMES"))

func provision(ctx context.Context, s store.Store) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		for _, n := range names {
			tx.QueryRowContext(ctx, "SELECT id FROM teams WHERE name = $1", n)
		}
		return nil
	})
}

func lookup(ctx context.Context, s store.Store) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		for _, n := range names {
			tx.QueryRowContext(ctx, "SELECT id FROM teams WHERE name = $1", n)
		}
		return nil
	})
}

func main() {
	db, _ := sql.Open("postgres", os.Getenv("DSN"))
	s := store.New(db)
	provision(context.Background(), s)
	http.HandleFunc("/teams", func(w http.ResponseWriter, r *http.Request) {
		lookup(r.Context(), s)
	})
	http.ListenAndServe("localhost:8080", nil)
}
`,
	})
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "nplusone"), []string{"main.go:27"}; !slices.Equal(got, want) {
		t.Errorf("nplusone findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// A library that sends one request per element inside (whatsmeow
// downloading app-state blobs on a conflict retry) is the library's
// design: a handler calling it once is not an HTTP fan-out; a handler
// looping over the library's call in the program's own code is.
func TestHTTPFanoutInDependency(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"libstub/lib.go": `package lib

import "net/http"

type Client struct{ hc *http.Client }

// Sync fetches every patch of the state it is behind on.
func (c *Client) Sync(urls []string) error {
	for _, u := range urls {
		resp, err := c.hc.Get(u)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

func (c *Client) Send(url string) error {
	resp, err := c.hc.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`,
		"api/api.go": `package api

import (
	"net/http"

	"example.com/lib"
)

type Server struct{ c *lib.Client }

func (s *Server) pin(w http.ResponseWriter, r *http.Request) {
	s.c.Sync(r.URL.Query()["patch"])
}

func (s *Server) notify(w http.ResponseWriter, r *http.Request) {
	for _, u := range r.URL.Query()["hook"] {
		s.c.Send(u)
	}
}

func Routes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("/pin", s.pin)
	mux.HandleFunc("/notify", s.notify)
}
`,
	})
	replaceWith(t, dir, "example.com/lib", "libstub")
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "blocking"), []string{"api/api.go:17"}; !slices.Equal(got, want) {
		t.Errorf("blocking findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}

// A loop over a slice parameter that every call in the program fills with
// one element (dify's install tasks, made for []string{tenantID}) runs
// once; the same loop is reported where a caller passes a list of many.
func TestOneElementArguments(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"store/store.go": `package store

import (
	"context"
	"database/sql"
)

func SaveAll(ctx context.Context, db *sql.DB, tenants []string) {
	for _, t := range tenants {
		db.ExecContext(ctx, "INSERT INTO installs (tenant) VALUES ($1)", t)
	}
}
`,
		"tasks/tasks.go": `package tasks

import (
	"context"
	"database/sql"

	"example.com/m/store"
)

// Create makes one task per tenant.
func Create(ctx context.Context, db *sql.DB, tenants []string) {
	for _, t := range tenants {
		db.ExecContext(ctx, "INSERT INTO tasks (tenant) VALUES ($1)", t)
	}
}

// Process hands its tenants on to another package's function that loops
// over them.
func Process(ctx context.Context, db *sql.DB, tenants []string) {
	store.SaveAll(ctx, db, tenants)
}

// Notify reads each user.
func Notify(ctx context.Context, db *sql.DB, users []string) {
	for _, u := range users {
		db.QueryRowContext(ctx, "SELECT email FROM users WHERE id = $1", u)
	}
}
`,
		"service/service.go": `package service

import (
	"context"
	"database/sql"

	"example.com/m/tasks"
)

func Install(ctx context.Context, db *sql.DB, tenant string) {
	tasks.Create(ctx, db, []string{tenant})
	tenants := []string{tenant}
	func() { tasks.Process(ctx, db, tenants) }()
}

func Reinstall(ctx context.Context, db *sql.DB, tenant string) {
	tenants := []string{tenant}
	tasks.Create(ctx, db, tenants)
	tasks.Notify(ctx, db, []string{tenant})
}

func NotifyAll(ctx context.Context, db *sql.DB, users []string) {
	tasks.Notify(ctx, db, users)
}
`,
		"main.go": `package main

import (
	"database/sql"
	"net/http"
	"time"

	"example.com/m/service"
)

func main() {
	db, _ := sql.Open("postgres", "")
	http.HandleFunc("/install", func(w http.ResponseWriter, r *http.Request) {
		service.Install(r.Context(), db, r.FormValue("tenant"))
		service.Reinstall(r.Context(), db, r.FormValue("tenant"))
	})
	http.HandleFunc("/notify", func(w http.ResponseWriter, r *http.Request) {
		rows, _ := db.QueryContext(r.Context(), "SELECT id FROM users")
		var users []string
		for rows.Next() {
			var id string
			rows.Scan(&id)
			users = append(users, id)
		}
		service.NotifyAll(r.Context(), db, users)
	})
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 10 * time.Second}
	srv.ListenAndServe()
}
`,
	})
	res, err := run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locations(res, "nplusone"), []string{"tasks/tasks.go:26"}; !slices.Equal(got, want) {
		t.Errorf("nplusone findings at %q, want %q (errors %q)", got, want, res.Errors)
	}
}
