package squirrel

// Declarations of squirrel v1.5 (select.go, insert.go, update.go,
// delete.go, *_ctx.go, row.go) that the apis tables name; signatures as
// published.

import (
	"context"
	"database/sql"
)

type RowScanner interface {
	Scan(...interface{}) error
}

type BaseRunner interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
	Query(query string, args ...interface{}) (*sql.Rows, error)
}

func (b SelectBuilder) Exec() (sql.Result, error)                           { return nil, nil }
func (b SelectBuilder) ExecContext(ctx context.Context) (sql.Result, error) { return nil, nil }
func (b SelectBuilder) Query() (*sql.Rows, error)                           { return nil, nil }
func (b SelectBuilder) QueryRow() RowScanner                                { return nil }
func (b SelectBuilder) QueryRowContext(ctx context.Context) RowScanner      { return nil }
func (b SelectBuilder) Scan(dest ...interface{}) error                      { return nil }
func (b SelectBuilder) ScanContext(ctx context.Context, dest ...interface{}) error {
	return nil
}
func (b SelectBuilder) Columns(columns ...string) SelectBuilder { return b }

type InsertBuilder struct{}

func Insert(into string) InsertBuilder                                      { return InsertBuilder{} }
func (b InsertBuilder) RunWith(runner BaseRunner) InsertBuilder             { return b }
func (b InsertBuilder) Into(from string) InsertBuilder                      { return b }
func (b InsertBuilder) Columns(columns ...string) InsertBuilder             { return b }
func (b InsertBuilder) Values(values ...interface{}) InsertBuilder          { return b }
func (b InsertBuilder) ToSql() (string, []interface{}, error)               { return "", nil, nil }
func (b InsertBuilder) Exec() (sql.Result, error)                           { return nil, nil }
func (b InsertBuilder) ExecContext(ctx context.Context) (sql.Result, error) { return nil, nil }
func (b InsertBuilder) Query() (*sql.Rows, error)                           { return nil, nil }
func (b InsertBuilder) QueryContext(ctx context.Context) (*sql.Rows, error) { return nil, nil }
func (b InsertBuilder) QueryRow() RowScanner                                { return nil }
func (b InsertBuilder) Scan(dest ...interface{}) error                      { return nil }

type UpdateBuilder struct{}

func Update(table string) UpdateBuilder                                    { return UpdateBuilder{} }
func (b UpdateBuilder) RunWith(runner BaseRunner) UpdateBuilder            { return b }
func (b UpdateBuilder) Table(table string) UpdateBuilder                   { return b }
func (b UpdateBuilder) Set(column string, value interface{}) UpdateBuilder { return b }
func (b UpdateBuilder) Where(pred interface{}, args ...interface{}) UpdateBuilder {
	return b
}
func (b UpdateBuilder) Limit(limit uint64) UpdateBuilder                    { return b }
func (b UpdateBuilder) ToSql() (string, []interface{}, error)               { return "", nil, nil }
func (b UpdateBuilder) Exec() (sql.Result, error)                           { return nil, nil }
func (b UpdateBuilder) ExecContext(ctx context.Context) (sql.Result, error) { return nil, nil }
func (b UpdateBuilder) Query() (*sql.Rows, error)                           { return nil, nil }
func (b UpdateBuilder) QueryContext(ctx context.Context) (*sql.Rows, error) { return nil, nil }

type DeleteBuilder struct{}

func Delete(from string) DeleteBuilder                          { return DeleteBuilder{} }
func (b DeleteBuilder) RunWith(runner BaseRunner) DeleteBuilder { return b }
func (b DeleteBuilder) From(from string) DeleteBuilder          { return b }
func (b DeleteBuilder) Where(pred interface{}, args ...interface{}) DeleteBuilder {
	return b
}
func (b DeleteBuilder) Limit(limit uint64) DeleteBuilder                    { return b }
func (b DeleteBuilder) ToSql() (string, []interface{}, error)               { return "", nil, nil }
func (b DeleteBuilder) Exec() (sql.Result, error)                           { return nil, nil }
func (b DeleteBuilder) ExecContext(ctx context.Context) (sql.Result, error) { return nil, nil }
func (b DeleteBuilder) Query() (*sql.Rows, error)                           { return nil, nil }
func (b DeleteBuilder) QueryContext(ctx context.Context) (*sql.Rows, error) { return nil, nil }
