// Package sqlx is a stub of github.com/jmoiron/sqlx for analyzer tests.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct{ *sql.DB }
type Tx struct{ *sql.Tx }
type Conn struct{ *sql.Conn }
type Stmt struct{ *sql.Stmt }
type NamedStmt struct{}
type Rows struct{ *sql.Rows }
type Row struct{}

type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
	Queryx(query string, args ...interface{}) (*Rows, error)
	QueryRowx(query string, args ...interface{}) *Row
}

type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

func Open(driverName, dataSourceName string) (*DB, error)    { return nil, nil }
func Connect(driverName, dataSourceName string) (*DB, error) { return nil, nil }
func MustConnect(driverName, dataSourceName string) *DB      { return nil }
func In(query string, args ...interface{}) (string, []interface{}, error) {
	return query, args, nil
}

func Get(q Queryer, dest interface{}, query string, args ...interface{}) error    { return nil }
func Select(q Queryer, dest interface{}, query string, args ...interface{}) error { return nil }
func GetContext(ctx context.Context, q Queryer, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func SelectContext(ctx context.Context, q Queryer, dest interface{}, query string, args ...interface{}) error {
	return nil
}

func (db *DB) Rebind(query string) string                                       { return query }
func (db *DB) Get(dest interface{}, query string, args ...interface{}) error    { return nil }
func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error) { return nil, nil }
func (db *DB) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (db *DB) QueryRowx(query string, args ...interface{}) *Row { return nil }
func (db *DB) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}
func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error) { return nil, nil }
func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (db *DB) NamedQuery(query string, arg interface{}) (*Rows, error) { return nil, nil }
func (db *DB) NamedQueryContext(ctx context.Context, query string, arg interface{}) (*Rows, error) {
	return nil, nil
}
func (db *DB) MustExec(query string, args ...interface{}) sql.Result { return nil }
func (db *DB) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	return nil
}
func (db *DB) Preparex(query string) (*Stmt, error)                             { return nil, nil }
func (db *DB) PreparexContext(ctx context.Context, query string) (*Stmt, error) { return nil, nil }
func (db *DB) PrepareNamed(query string) (*NamedStmt, error)                    { return nil, nil }
func (db *DB) PrepareNamedContext(ctx context.Context, query string) (*NamedStmt, error) {
	return nil, nil
}
func (db *DB) Beginx() (*Tx, error)                                             { return nil, nil }
func (db *DB) MustBegin() *Tx                                                   { return nil }
func (db *DB) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error)   { return nil, nil }
func (db *DB) MustBeginTx(ctx context.Context, opts *sql.TxOptions) *Tx         { return nil }
func (db *DB) Connx(ctx context.Context) (*Conn, error)                         { return nil, nil }
func (tx *Tx) Get(dest interface{}, query string, args ...interface{}) error    { return nil }
func (tx *Tx) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (tx *Tx) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) Queryx(query string, args ...interface{}) (*Rows, error)     { return nil, nil }
func (tx *Tx) QueryRowx(query string, args ...interface{}) *Row            { return nil }
func (tx *Tx) NamedExec(query string, arg interface{}) (sql.Result, error) { return nil, nil }
func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result       { return nil }
func (tx *Tx) Rebind(query string) string                                  { return query }

func (r *Rows) StructScan(dest interface{}) error { return nil }
func (r *Row) StructScan(dest interface{}) error  { return nil }
func (r *Row) Scan(dest ...interface{}) error     { return nil }

func (s *NamedStmt) Exec(arg interface{}) (sql.Result, error) { return nil, nil }
func (s *NamedStmt) ExecContext(ctx context.Context, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (s *NamedStmt) Get(dest interface{}, arg interface{}) error { return nil }

func (s *Stmt) Get(dest interface{}, args ...interface{}) error    { return nil }
func (s *Stmt) Select(dest interface{}, args ...interface{}) error { return nil }
func (s *Stmt) GetContext(ctx context.Context, dest interface{}, args ...interface{}) error {
	return nil
}
func (s *Stmt) SelectContext(ctx context.Context, dest interface{}, args ...interface{}) error {
	return nil
}
func (s *Stmt) Queryx(args ...interface{}) (*Rows, error) { return nil, nil }
