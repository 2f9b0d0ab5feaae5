// Package pgxpool is a stub of github.com/jackc/pgx/v4/pgxpool (v4.18):
// types and signatures as published, no behaviour.
package pgxpool

import (
	"context"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

type Pool struct{}

func Connect(ctx context.Context, connString string) (*Pool, error) { return nil, nil }

func (p *Pool) Close()                                                     {}
func (p *Pool) Acquire(ctx context.Context) (*Conn, error)                 { return nil, nil }
func (p *Pool) AcquireFunc(ctx context.Context, f func(*Conn) error) error { return nil }
func (p *Pool) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}
func (p *Pool) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	return nil, nil
}
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { return nil }
func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults          { return nil }
func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error)                             { return nil, nil }
func (p *Pool) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) {
	return nil, nil
}
func (p *Pool) BeginFunc(ctx context.Context, f func(pgx.Tx) error) error { return nil }
func (p *Pool) BeginTxFunc(ctx context.Context, txOptions pgx.TxOptions, f func(pgx.Tx) error) error {
	return nil
}
func (p *Pool) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	return 0, nil
}
func (p *Pool) Ping(ctx context.Context) error { return nil }

type Conn struct{}

func (c *Conn) Release() {}
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}
func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { return nil }
func (c *Conn) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults          { return nil }
func (c *Conn) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	return 0, nil
}
func (c *Conn) Begin(ctx context.Context) (pgx.Tx, error) { return nil, nil }
func (c *Conn) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) {
	return nil, nil
}
func (c *Conn) BeginFunc(ctx context.Context, f func(pgx.Tx) error) error { return nil }
func (c *Conn) Ping(ctx context.Context) error                            { return nil }
func (c *Conn) Conn() *pgx.Conn                                           { return nil }

type Tx struct{}

func (tx *Tx) Begin(ctx context.Context) (pgx.Tx, error)                 { return nil, nil }
func (tx *Tx) BeginFunc(ctx context.Context, f func(pgx.Tx) error) error { return nil }
func (tx *Tx) Commit(ctx context.Context) error                          { return nil }
func (tx *Tx) Rollback(ctx context.Context) error                        { return nil }
func (tx *Tx) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	return 0, nil
}
func (tx *Tx) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { return nil }
func (tx *Tx) LargeObjects() pgx.LargeObjects                               { return pgx.LargeObjects{} }
func (tx *Tx) Prepare(ctx context.Context, name, sql string) (*pgconn.StatementDescription, error) {
	return nil, nil
}
func (tx *Tx) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}
func (tx *Tx) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	return nil, nil
}
func (tx *Tx) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { return nil }
func (tx *Tx) Conn() *pgx.Conn                                                       { return nil }
