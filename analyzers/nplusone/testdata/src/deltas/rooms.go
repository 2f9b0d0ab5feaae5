package deltas

import (
	"context"
	"database/sql"
)

// The same loop in an ordinary file runs whenever it is called.
func ResetForgotten(ctx context.Context, tx *sql.Tx) error {
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
		tx.ExecContext(ctx, "UPDATE roomserver_membership SET forgotten = false WHERE room_nid = $1", nid) // want `N\+1 write`
	}
	return nil
}
