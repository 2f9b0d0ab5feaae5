package pg

import (
	"context"
	"database/sql"

	"repo"
)

type Users struct{ DB *sql.DB }

func (u *Users) Get(ctx context.Context, id int64) (repo.User, error) {
	var out repo.User
	err := u.DB.QueryRowContext(ctx, "SELECT id FROM users WHERE id = $1", id).Scan(&out.ID)
	return out, err
}

func (u *Users) Save(ctx context.Context, x repo.User) error {
	_, err := u.DB.ExecContext(ctx, "UPDATE users SET id = $1", x.ID)
	return err
}

type NotesPG struct{ DB *sql.DB }

func (n *NotesPG) Text(ctx context.Context, id int64) (string, error) {
	var s string
	err := n.DB.QueryRowContext(ctx, "SELECT text FROM notes WHERE id = $1", id).Scan(&s)
	return s, err
}
