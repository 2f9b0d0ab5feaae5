// Command startup holds loops of a main package: the ones that run once
// per process start stay silent; the ones that run per request, per tick
// or per message are reported.
package main

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type endpoint struct{ name string }

type config struct{ endpoints []endpoint }

var db *sql.DB

func main() {
	ctx := context.Background()
	cfg := load()
	// Once per start, over the configuration.
	for _, e := range cfg.endpoints {
		db.ExecContext(ctx, "INSERT INTO endpoints (name) VALUES ($1) ON CONFLICT DO NOTHING", e.name)
	}
	initializeStorage(ctx, cfg)
	reindexAll(ctx)
	drain(ctx)
	http.HandleFunc("/status", status)
	go watch(ctx, cfg)
	go func() {
		for _, e := range cfg.endpoints {
			db.QueryRowContext(ctx, "SELECT 1 FROM results WHERE name = $1", e.name) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of cfg.endpoints`
		}
	}()
	for range time.Tick(time.Minute) {
		prune(ctx, cfg)
	}
}

func load() config { return config{} }

// Called only from main: start-up code, whatever its name.
func initializeStorage(ctx context.Context, cfg config) {
	for _, e := range cfg.endpoints {
		db.QueryRowContext(ctx, "SELECT id FROM endpoints WHERE name = $1", e.name)
	}
	seedDefaults(ctx, cfg)
}

// Called only from start-up code, two calls down.
func seedDefaults(ctx context.Context, cfg config) {
	for _, e := range cfg.endpoints {
		db.ExecContext(ctx, "INSERT INTO defaults (name) VALUES ($1)", e.name)
	}
}

// Called from main on every tick: the loop runs once per minute.
func prune(ctx context.Context, cfg config) {
	for _, e := range cfg.endpoints {
		db.ExecContext(ctx, "DELETE FROM results WHERE name = $1", e.name) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of cfg.endpoints`
	}
}

// A goroutine's body: it runs for the life of the process.
func watch(ctx context.Context, cfg config) {
	for range time.Tick(time.Second) {
		for _, e := range cfg.endpoints {
			db.QueryRowContext(ctx, "SELECT last FROM results WHERE name = $1", e.name) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of cfg.endpoints`
		}
	}
}

// A handler, registered in main: per request.
func status(w http.ResponseWriter, r *http.Request) {
	names := r.URL.Query()["name"]
	for _, n := range names {
		db.QueryRowContext(r.Context(), "SELECT status FROM endpoints WHERE name = $1", n) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of names`
	}
	lookup(r.Context(), names)
}

// Called from main's start-up path and from a handler: not start-up code.
func lookup(ctx context.Context, names []string) {
	for _, n := range names {
		db.QueryRowContext(ctx, "SELECT id FROM endpoints WHERE name = $1", n) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of names`
	}
}

func init() {
	lookup(context.Background(), []string{"a"})
}

// Pages through a table once, at start: the loop ends when a page comes
// back empty.
func reindexAll(ctx context.Context) {
	offset := 0
	for {
		rows := page(ctx, offset)
		if len(rows) == 0 {
			break
		}
		for _, e := range rows {
			db.ExecContext(ctx, "UPDATE endpoints SET indexed = true WHERE name = $1", e.name)
		}
		offset += len(rows)
	}
}

// Polls until a queue is empty, pausing between rounds: it waits, and
// runs for as long as work keeps coming.
func drain(ctx context.Context) {
	for {
		rows := page(ctx, 0)
		if len(rows) == 0 {
			break
		}
		for _, e := range rows {
			db.ExecContext(ctx, "DELETE FROM queue WHERE name = $1", e.name) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of rows`
		}
		time.Sleep(time.Second)
	}
}

func page(ctx context.Context, offset int) []endpoint { return nil }
