// Package testsupport is a test helper package: it imports testing, and
// nothing here is reported.
package testsupport

import (
	"context"
	"database/sql"
	"testing"
)

func AssertNoUsers(t *testing.T, db *sql.DB, ids []int64) {
	for _, id := range ids {
		var n int
		db.QueryRowContext(context.Background(), "SELECT count(*) FROM users WHERE id = $1", id).Scan(&n)
		if n != 0 {
			t.Errorf("user %d exists", id)
		}
	}
}
