package bun

// Declarations of bun (db.go, query_*.go) that the apis tables name;
// signatures as published at v1.2.

import (
	"context"
	"database/sql"
)

type Tx struct {
	*sql.Tx
}

type UpdateQuery struct{}
type DeleteQuery struct{}
type MergeQuery struct{}
type RawQuery struct{}

func (db *DB) NewUpdate() *UpdateQuery                                      { return &UpdateQuery{} }
func (db *DB) NewDelete() *DeleteQuery                                      { return &DeleteQuery{} }
func (db *DB) NewMerge() *MergeQuery                                        { return &MergeQuery{} }
func (db *DB) NewRaw(query string, args ...any) *RawQuery                   { return &RawQuery{} }
func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (Tx, error) { return Tx{}, nil }
func (db *DB) RunInTx(
	ctx context.Context, opts *sql.TxOptions, fn func(ctx context.Context, tx Tx) error,
) error {
	return nil
}

func (q *SelectQuery) Rows(ctx context.Context) (*sql.Rows, error) { return nil, nil }
func (q *SelectQuery) Exec(ctx context.Context, dest ...any) (res sql.Result, err error) {
	return nil, nil
}
func (q *SelectQuery) ScanAndCount(ctx context.Context, dest ...any) (int64, error) {
	return 0, nil
}
func (q *SelectQuery) Exists(ctx context.Context) (bool, error) { return false, nil }

func (q *InsertQuery) Scan(ctx context.Context, dest ...any) error { return nil }

func (q *UpdateQuery) Model(model any) *UpdateQuery                 { return q }
func (q *UpdateQuery) Where(query string, args ...any) *UpdateQuery { return q }
func (q *UpdateQuery) Limit(n int64) *UpdateQuery                   { return q }
func (q *UpdateQuery) Scan(ctx context.Context, dest ...any) error  { return nil }
func (q *UpdateQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	return nil, nil
}

func (q *DeleteQuery) Model(model any) *DeleteQuery                 { return q }
func (q *DeleteQuery) Where(query string, args ...any) *DeleteQuery { return q }
func (q *DeleteQuery) Limit(n int64) *DeleteQuery                   { return q }
func (q *DeleteQuery) Scan(ctx context.Context, dest ...any) error  { return nil }
func (q *DeleteQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	return nil, nil
}

func (q *MergeQuery) Model(model any) *MergeQuery                 { return q }
func (q *MergeQuery) Scan(ctx context.Context, dest ...any) error { return nil }
func (q *MergeQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	return nil, nil
}

func (q *RawQuery) Scan(ctx context.Context, dest ...any) error { return nil }
func (q *RawQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	return nil, nil
}
