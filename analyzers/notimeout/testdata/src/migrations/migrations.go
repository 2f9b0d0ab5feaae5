// Package migrations changes the schema at start-up: no request waits on
// its statements, and they run once. Context-less calls are left alone.
package migrations

import (
	"context"
	"database/sql"
)

func upAddIndex(ctx context.Context, tx *sql.Tx) error {
	stmt, err := tx.Prepare("CREATE INDEX IF NOT EXISTS idx_name ON users (name)")
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}
