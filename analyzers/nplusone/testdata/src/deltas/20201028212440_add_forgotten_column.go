// Package deltas holds versioned schema changes, one file each, named
// the way goose numbers them: a file of one runs once, when the schema
// is upgraded.
package deltas

import (
	"context"
	"database/sql"
)

// UpAddForgottenColumn fills the new column once per room.
func UpAddForgottenColumn(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT room_nid FROM roomserver_rooms")
	if err != nil {
		return err
	}
	var rooms []int64
	for rows.Next() {
		var nid int64
		rows.Scan(&nid)
		rooms = append(rooms, nid)
	}
	for _, nid := range rooms {
		tx.ExecContext(ctx, "UPDATE roomserver_membership SET forgotten = false WHERE room_nid = $1", nid)
	}
	return nil
}
