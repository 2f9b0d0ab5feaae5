// want package:"summarised"

// Package sqlcgen looks like sqlc's output: queries through a DBTX
// interface that *sql.DB implements.
package sqlcgen

import (
	"context"
	"database/sql"
)

type DBTX interface {
	ExecContext(context.Context, string, ...interface{}) (sql.Result, error)
	PrepareContext(context.Context, string) (*sql.Stmt, error)
	QueryContext(context.Context, string, ...interface{}) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...interface{}) *sql.Row
}

type Queries struct{ db DBTX }

func New(db DBTX) *Queries { return &Queries{db: db} }

const getAuthor = `SELECT id, name FROM authors WHERE id = $1`

func (q *Queries) GetAuthor(ctx context.Context, id int64) (string, error) { // want GetAuthor:`db-read-one via \(\*sql.DB\).QueryRowContext`
	row := q.db.QueryRowContext(ctx, getAuthor, id)
	var name string
	err := row.Scan(&name)
	return name, err
}
