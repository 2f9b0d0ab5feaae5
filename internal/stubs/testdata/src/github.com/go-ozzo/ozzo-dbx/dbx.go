// Package dbx is a stub of github.com/go-ozzo/ozzo-dbx (v1.5; db.go,
// query.go, select.go, builder.go): types and signatures as published.
package dbx

import (
	"context"
	"database/sql"
)

type Params map[string]interface{}

type Expression interface{}

type DB struct{}

type Tx struct{ *DB }

type Query struct{}

type SelectQuery struct{}

type Rows struct{ *sql.Rows }

func Open(driverName, dsn string) (*DB, error) { return nil, nil }

func (db *DB) NewQuery(sql string) *Query                                { return nil }
func (db *DB) Select(cols ...string) *SelectQuery                        { return nil }
func (db *DB) Insert(table string, cols Params) *Query                   { return nil }
func (db *DB) Update(table string, cols Params, where Expression) *Query { return nil }
func (db *DB) Delete(table string, where Expression) *Query              { return nil }
func (db *DB) Begin() (*Tx, error)                                       { return nil, nil }
func (tx *Tx) Commit() error                                             { return nil }
func (tx *Tx) Rollback() error                                           { return nil }

func (q *Query) Bind(params Params) *Query              { return q }
func (q *Query) WithContext(ctx context.Context) *Query { return q }
func (q *Query) Execute() (sql.Result, error)           { return nil, nil }
func (q *Query) One(a interface{}) error                { return nil }
func (q *Query) All(slice interface{}) error            { return nil }
func (q *Query) Row(a ...interface{}) error             { return nil }
func (q *Query) Rows() (*Rows, error)                   { return nil, nil }
func (q *Query) Column(a interface{}) error             { return nil }

func (s *SelectQuery) From(tables ...string) *SelectQuery           { return s }
func (s *SelectQuery) Where(e Expression) *SelectQuery              { return s }
func (s *SelectQuery) AndWhere(e Expression) *SelectQuery           { return s }
func (s *SelectQuery) OrderBy(cols ...string) *SelectQuery          { return s }
func (s *SelectQuery) Limit(limit int64) *SelectQuery               { return s }
func (s *SelectQuery) Offset(offset int64) *SelectQuery             { return s }
func (s *SelectQuery) WithContext(ctx context.Context) *SelectQuery { return s }
func (s *SelectQuery) Build() *Query                                { return nil }
func (s *SelectQuery) One(a interface{}) error                      { return nil }
func (s *SelectQuery) All(slice interface{}) error                  { return nil }
func (s *SelectQuery) Row(a ...interface{}) error                   { return nil }
func (s *SelectQuery) Rows() (*Rows, error)                         { return nil, nil }
func (s *SelectQuery) Column(a interface{}) error                   { return nil }
