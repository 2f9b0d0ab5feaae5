// Package dbx is a stub of github.com/pocketbase/dbx (v1.11, a fork of ozzo-dbx; db.go,
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

// Builder builds the statements of a dialect; DB embeds one.
type Builder interface {
	NewQuery(sql string) *Query
	Select(cols ...string) *SelectQuery
	AddColumn(table, col, typ string) *Query
	AlterColumn(table, col, typ string) *Query
	DropColumn(table, col string) *Query
	RenameColumn(table, oldName, newName string) *Query
	CreateTable(table string, cols map[string]string, options ...string) *Query
	DropTable(table string) *Query
	RenameTable(oldName, newName string) *Query
	TruncateTable(table string) *Query
	AddPrimaryKey(table, name string, cols ...string) *Query
	DropPrimaryKey(table, name string) *Query
	AddForeignKey(table, name string, cols, refCols []string, refTable string, options ...string) *Query
	DropForeignKey(table, name string) *Query
	CreateIndex(table, name string, cols ...string) *Query
	CreateUniqueIndex(table, name string, cols ...string) *Query
	DropIndex(table, name string) *Query
}

func (db *DB) AddColumn(table, col, typ string) *Query                                    { return nil }
func (db *DB) AlterColumn(table, col, typ string) *Query                                  { return nil }
func (db *DB) DropColumn(table, col string) *Query                                        { return nil }
func (db *DB) RenameColumn(table, oldName, newName string) *Query                         { return nil }
func (db *DB) CreateTable(table string, cols map[string]string, options ...string) *Query { return nil }
func (db *DB) DropTable(table string) *Query                                              { return nil }
func (db *DB) RenameTable(oldName, newName string) *Query                                 { return nil }
func (db *DB) TruncateTable(table string) *Query                                          { return nil }
func (db *DB) AddPrimaryKey(table, name string, cols ...string) *Query                    { return nil }
func (db *DB) DropPrimaryKey(table, name string) *Query                                   { return nil }
func (db *DB) AddForeignKey(table, name string, cols, refCols []string, refTable string, options ...string) *Query {
	return nil
}
func (db *DB) DropForeignKey(table, name string) *Query              { return nil }
func (db *DB) CreateIndex(table, name string, cols ...string) *Query { return nil }
func (db *DB) CreateUniqueIndex(table, name string, cols ...string) *Query {
	return nil
}
func (db *DB) DropIndex(table, name string) *Query { return nil }
