package sqlx

// Declarations of sqlx v1.3.5 (sqlx.go, sqlx_context.go, named.go,
// named_context.go) that the apis tables name; signatures as published.

import (
	"context"
	"database/sql"
)

type binder interface {
	DriverName() string
	Rebind(string) string
	BindNamed(string, interface{}) (string, []interface{}, error)
}

type Ext interface {
	binder
	Queryer
	Execer
}

type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row
}

type ExecerContext interface {
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
}

type ExtContext interface {
	binder
	QueryerContext
	ExecerContext
}

func MustExec(e Execer, query string, args ...interface{}) sql.Result { return nil }
func MustExecContext(ctx context.Context, e ExecerContext, query string, args ...interface{}) sql.Result {
	return nil
}
func NamedExec(e Ext, query string, arg interface{}) (sql.Result, error) { return nil, nil }
func NamedExecContext(ctx context.Context, e ExtContext, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func NamedQuery(e Ext, query string, arg interface{}) (*Rows, error) { return nil, nil }
func NamedQueryContext(ctx context.Context, e ExtContext, query string, arg interface{}) (*Rows, error) {
	return nil, nil
}

func (db *DB) DriverName() string { return "" }
func (db *DB) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return "", nil, nil
}

func (tx *Tx) DriverName() string { return "" }
func (tx *Tx) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return "", nil, nil
}
func (tx *Tx) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (tx *Tx) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}
func (tx *Tx) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	return nil
}
func (tx *Tx) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (tx *Tx) NamedQuery(query string, arg interface{}) (*Rows, error)          { return nil, nil }
func (tx *Tx) Preparex(query string) (*Stmt, error)                             { return nil, nil }
func (tx *Tx) PreparexContext(ctx context.Context, query string) (*Stmt, error) { return nil, nil }
func (tx *Tx) PrepareNamed(query string) (*NamedStmt, error)                    { return nil, nil }
func (tx *Tx) PrepareNamedContext(ctx context.Context, query string) (*NamedStmt, error) {
	return nil, nil
}

func (c *Conn) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) { return nil, nil }
func (c *Conn) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (c *Conn) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (c *Conn) PreparexContext(ctx context.Context, query string) (*Stmt, error) { return nil, nil }
func (c *Conn) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}

func (s *Stmt) MustExec(args ...interface{}) sql.Result                             { return nil }
func (s *Stmt) MustExecContext(ctx context.Context, args ...interface{}) sql.Result { return nil }
func (s *Stmt) QueryRowx(args ...interface{}) *Row                                  { return nil }
func (s *Stmt) QueryRowxContext(ctx context.Context, args ...interface{}) *Row      { return nil }
func (s *Stmt) QueryxContext(ctx context.Context, args ...interface{}) (*Rows, error) {
	return nil, nil
}

func (n *NamedStmt) Query(arg interface{}) (*sql.Rows, error) { return nil, nil }
func (n *NamedStmt) QueryContext(ctx context.Context, arg interface{}) (*sql.Rows, error) {
	return nil, nil
}
func (n *NamedStmt) QueryRow(arg interface{}) *Row                                   { return nil }
func (n *NamedStmt) QueryRowContext(ctx context.Context, arg interface{}) *Row       { return nil }
func (n *NamedStmt) MustExec(arg interface{}) sql.Result                             { return nil }
func (n *NamedStmt) MustExecContext(ctx context.Context, arg interface{}) sql.Result { return nil }
func (n *NamedStmt) Queryx(arg interface{}) (*Rows, error)                           { return nil, nil }
func (n *NamedStmt) QueryxContext(ctx context.Context, arg interface{}) (*Rows, error) {
	return nil, nil
}
func (n *NamedStmt) QueryRowx(arg interface{}) *Row                             { return nil }
func (n *NamedStmt) QueryRowxContext(ctx context.Context, arg interface{}) *Row { return nil }
func (n *NamedStmt) Select(dest interface{}, arg interface{}) error             { return nil }
func (n *NamedStmt) SelectContext(ctx context.Context, dest interface{}, arg interface{}) error {
	return nil
}
func (n *NamedStmt) GetContext(ctx context.Context, dest interface{}, arg interface{}) error {
	return nil
}
