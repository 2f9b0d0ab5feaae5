// Package embeddedquiet talks to SQLite (-nplusone.database=sqlite) and to
// Redis. Without -nplusone.embedded a lookup per item of one request on
// SQLite is not reported (many small queries are how SQLite is meant to
// be used); one per row of a read still is, as a note, and one on Redis,
// a network round trip, as an error.
package embeddedquiet

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"

	"github.com/redis/go-redis/v9"
)

func names(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	var req struct{ IDs []int64 }
	json.NewDecoder(r.Body).Decode(&req)
	for _, id := range req.IDs {
		db.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = $1", id)
	}
}

func cached(ctx context.Context, rdb *redis.Client, keys []string) {
	for _, k := range keys {
		rdb.Get(ctx, k) // want `N\+1: \(redis.cmdable\).Get runs once per element of keys.*MGET, or a pipeline`
	}
}

// The rows of a read grow with the data: a lookup for each adds up even in
// the process (maglev's stops for an agency), and stays, as a note.
func stopIDs(ctx context.Context, db *sql.DB, agency string) []int64 {
	rows, _ := db.QueryContext(ctx, "SELECT id FROM stops WHERE agency = $1", agency)
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

func stops(ctx context.Context, db *sql.DB, agency string) {
	for _, id := range stopIDs(ctx, db, agency) {
		db.QueryRowContext(ctx, "SELECT name FROM stop_names WHERE id = $1", id) // want `the loop walks the rows of embeddedquiet.stopIDs.*runs in the process`
	}
}
