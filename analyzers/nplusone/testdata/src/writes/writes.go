package writes

import (
	"context"
	"database/sql"
)

// With -nplusone.writes=false, writes in loops are not reported; reads are.
func save(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id)
		db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE id = $1", id) // want `N\+1: \(\*sql.DB\).QueryRowContext`
	}
}
