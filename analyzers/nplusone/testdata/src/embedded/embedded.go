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

// Statements on one transaction begun before the loop, directly or
// through a helper that takes it: SQLite's bulk form too.
func saveTx(ctx context.Context, db *sql.DB, ids []int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for _, id := range ids {
		tx.ExecContext(ctx, "INSERT INTO seen (id) VALUES ($1)", id)
		mark(ctx, tx, id)
	}
	return tx.Commit()
}

func mark(ctx context.Context, tx *sql.Tx, id int64) {
	tx.ExecContext(ctx, "UPDATE users SET seen = 1 WHERE id = $1", id)
}

// Look-alike: a transaction per element is a commit per element.
func saveEach(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		tx, _ := db.BeginTx(ctx, nil)
		tx.ExecContext(ctx, "INSERT INTO seen (id) VALUES ($1)", id) // want `N\+1 write: \(\*sql.Tx\).ExecContext runs once per element of ids`
		tx.Commit()
	}
}
