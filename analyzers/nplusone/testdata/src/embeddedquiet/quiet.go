// Package embeddedquiet talks to SQLite (-nplusone.database=sqlite) and to
// Redis. Without -nplusone.embedded a lookup per element on SQLite is not
// reported (many small queries are how SQLite is meant to be used); one
// on Redis, a network round trip, still is, as an error.
package embeddedquiet

import (
	"context"
	"database/sql"

	"github.com/redis/go-redis/v9"
)

func names(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
	}
}

func cached(ctx context.Context, rdb *redis.Client, keys []string) {
	for _, k := range keys {
		rdb.Get(ctx, k) // want `N\+1: \(redis.cmdable\).Get runs once per element of keys.*MGET, or a pipeline`
	}
}
