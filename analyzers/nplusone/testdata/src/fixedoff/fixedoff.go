// Package fixedoff holds loops behind settings: one nothing changes, which
// turns the sync off for good, and one a flag sets.
package fixedoff

import (
	"context"
	"database/sql"
	"flag"
)

// syncPeriod below 30 turns the sync off; nothing assigns it.
var syncPeriod = -1

// debug is set by a flag.
var debug = false

func init() { flag.BoolVar(&debug, "debug", false, "log every name") }

func SyncNames(ctx context.Context, db *sql.DB, ids []int64) {
	if syncPeriod < 30 {
		return
	}
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
	}
}

func LogNames(ctx context.Context, db *sql.DB, ids []int64) {
	if !debug {
		return
	}
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id) // want `N\+1`
	}
}
