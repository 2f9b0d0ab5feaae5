// Package embedded talks to SQLite (-nplusone.database=sqlite): a round
// trip costs microseconds, so findings are notes, and a prepared
// statement in a transaction is the bulk form.
package embedded

import (
	"context"
	"database/sql"
)

func names(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id) // want `the database \(sqlite\) runs in the process, where a round trip costs microseconds \(a note\)`
	}
}

func save(ctx context.Context, db *sql.DB, ids []int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO seen (id) VALUES ($1)")
	if err != nil {
		return err
	}
	for _, id := range ids {
		stmt.ExecContext(ctx, id)
	}
	return tx.Commit()
}
