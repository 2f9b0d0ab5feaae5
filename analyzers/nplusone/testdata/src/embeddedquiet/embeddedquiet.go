// Package embeddedquiet talks to SQLite (-nplusone.database=sqlite)
// without -nplusone.all: its round trips cost microseconds, and notes are
// not shown by default, so nothing here is reported.
package embeddedquiet

import (
	"context"
	"database/sql"
)

func names(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id)
	}
}

func sameEachTime(ctx context.Context, db *sql.DB, ids []int64) {
	for range ids {
		db.QueryRowContext(ctx, "SELECT count(*) FROM users")
	}
}
