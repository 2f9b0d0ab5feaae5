// Package pgx is a stub of github.com/jackc/pgx/v5 for analyzer tests.
package pgx

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...any) error
}

type Row interface {
	Scan(dest ...any) error
}

type Conn struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row        { return nil }
func (c *Conn) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { return nil }
func (c *Conn) Begin(ctx context.Context) (Tx, error)                { return nil, nil }
func (c *Conn) Ping(ctx context.Context) error                       { return nil }
func (c *Conn) Close(ctx context.Context) error                      { return nil }

type Tx interface {
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	SendBatch(ctx context.Context, b *Batch) BatchResults
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

type Batch struct{}

func (b *Batch) Queue(query string, arguments ...any) *QueuedQuery { return nil }
func (b *Batch) Len() int                                          { return 0 }

type QueuedQuery struct{}

type BatchResults interface {
	Exec() (pgconn.CommandTag, error)
	Query() (Rows, error)
	QueryRow() Row
	Close() error
}

type RowToFunc[T any] func(row CollectableRow) (T, error)
type CollectableRow interface{ Scan(dest ...any) error }

func CollectRows[T any](rows Rows, fn RowToFunc[T]) ([]T, error) { return nil, nil }
func RowToStructByName[T any](row CollectableRow) (T, error) {
	var t T
	return t, nil
}
