// Package bun is a stub of github.com/uptrace/bun.
package bun

import (
	"context"
	"database/sql"
)

type DB struct{ *sql.DB }

type SelectQuery struct{}
type InsertQuery struct{}

func (db *DB) NewSelect() *SelectQuery { return &SelectQuery{} }
func (db *DB) NewInsert() *InsertQuery { return &InsertQuery{} }

func (q *SelectQuery) Model(m interface{}) *SelectQuery                     { return q }
func (q *SelectQuery) Where(query string, args ...interface{}) *SelectQuery { return q }
func (q *SelectQuery) Limit(n int) *SelectQuery                             { return q }
func (q *SelectQuery) Scan(ctx context.Context, dest ...interface{}) error  { return nil }
func (q *SelectQuery) Count(ctx context.Context) (int, error)               { return 0, nil }

func (q *InsertQuery) Model(m interface{}) *InsertQuery { return q }
func (q *InsertQuery) Exec(ctx context.Context, dest ...interface{}) (sql.Result, error) {
	return nil, nil
}
