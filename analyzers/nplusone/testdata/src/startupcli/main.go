// Command startupcli runs as cobra commands: what a command runs when it is
// invoked runs once per process, like main; what it registers or starts
// in a goroutine, and what repeats, runs at any time.
package main

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/spf13/cobra"
)

var db *sql.DB

var names []string

var serveCmd = &cobra.Command{
	Use: "serve",
	RunE: func(cmd *cobra.Command, args []string) error {
		fill(context.Background())
		http.HandleFunc("/names", list)
		return http.ListenAndServe(":8080", nil)
	},
}

var workCmd = &cobra.Command{
	Use: "work",
	Run: func(cmd *cobra.Command, args []string) {
		for {
			expire(context.Background())
			time.Sleep(time.Minute)
		}
	},
}

// A command built by a function main calls, its loop written in the
// literal: once per invocation.
func exportCmd() *cobra.Command {
	return &cobra.Command{
		Use: "export",
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, n := range names {
				db.QueryRowContext(cmd.Context(), "SELECT data FROM exports WHERE name = $1", n)
			}
			return nil
		},
	}
}

// The same literal handed to something else: it may run at any time.
func onEach(f func(string)) {}

func register() {
	onEach(func(n string) {
		for _, m := range names {
			db.QueryRowContext(context.Background(), "SELECT data FROM exports WHERE name = $1", m+n) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of names`
		}
	})
}

func main() {
	register()
	registerNamed()
	loadFiles(context.Background())
	serveLocal()
	root := &cobra.Command{Use: "app"}
	sync := &cobra.Command{Use: "sync"}
	sync.RunE = syncAll
	root.AddCommand(serveCmd, workCmd, sync, exportCmd())
	root.Execute()
}

// Fills the table once, when serve starts.
func fill(ctx context.Context) {
	for _, n := range names {
		db.ExecContext(ctx, "INSERT INTO names (name) VALUES ($1) ON CONFLICT DO NOTHING", n)
	}
}

// The sync command's run, given by name: once per invocation.
func syncAll(cmd *cobra.Command, args []string) error {
	for _, n := range names {
		db.QueryRowContext(cmd.Context(), "SELECT id FROM names WHERE name = $1", n)
	}
	return nil
}

// Runs on every pass of the work command's loop.
func expire(ctx context.Context) {
	for _, n := range names {
		db.ExecContext(ctx, "DELETE FROM sessions WHERE name = $1", n) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of names`
	}
}

// A handler the serve command registers: per request.
func list(w http.ResponseWriter, r *http.Request) {
	for _, n := range names {
		db.QueryRowContext(r.Context(), "SELECT id FROM names WHERE name = $1", n) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of names`
	}
}

// Registered with cobra.OnInitialize: runs once, before any command (gowa's
// initApp).
func init() { cobra.OnInitialize(initApp) }

func initApp() {
	for _, n := range names {
		db.QueryRowContext(context.Background(), "SELECT data FROM devices WHERE name = $1", n)
	}
}

// Look-alike: the same function handed by name to something that keeps
// it may run at any time.
func registerNamed() { onEachFunc(refreshAll) }

var hooks []func()

func onEachFunc(f func()) { hooks = append(hooks, f) }

func refreshAll() {
	for _, n := range names {
		db.QueryRowContext(context.Background(), "SELECT data FROM devices WHERE name = $1", n) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of names`
	}
}

// A literal kept in a local variable and only called runs where it is
// called: here at start-up (tg-spam's migrateDict in migrateDicts).
func loadFiles(ctx context.Context) {
	load := func(file string) { loadNames(ctx, file) }
	load("stop-words.txt")
	load("excluded.txt")
}

func loadNames(ctx context.Context, file string) {
	for _, n := range names {
		db.QueryRowContext(ctx, "SELECT data FROM words WHERE name = $1 AND file = $2", n, file)
	}
}

// Look-alike: a literal in a local variable that is registered as a
// handler runs per request.
func serveLocal() {
	h := func(w http.ResponseWriter, r *http.Request) { loadNamesAgain(r.Context()) }
	http.HandleFunc("/words", h)
}

func loadNamesAgain(ctx context.Context) {
	for _, n := range names {
		db.QueryRowContext(ctx, "SELECT data FROM words WHERE name = $1", n) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of names`
	}
}
