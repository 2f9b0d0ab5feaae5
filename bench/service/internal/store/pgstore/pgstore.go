// Package pgstore implements domain.Store with pgx.
package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/benchservice/internal/domain"
)

// Store is a pgx-backed store.
type Store struct{ pool *pgxpool.Pool }

// Open connects to dsn.
func Open(ctx context.Context, dsn string) (*Store, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("connecting: %w", err)
	}
	return &Store{pool: pool}, nil
}

// GetUser loads one user.
func (s *Store) GetUser(ctx context.Context, id int64) (*domain.User, error) {
	var u domain.User
	err := s.pool.QueryRow(ctx, "SELECT id, email, name, created_at FROM users WHERE id = $1", id).
		Scan(&u.ID, &u.Email, &u.Name, &u.CreatedAt)
	return &u, err
}

// ListOrders loads one page of a user's orders.
func (s *Store) ListOrders(ctx context.Context, userID int64, p domain.Page) ([]domain.Order, error) {
	rows, err := s.pool.Query(ctx, "SELECT id, user_id, total, status, created_at FROM orders WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT $3",
		userID, p.Cursor, min(max(p.Limit, 1), 100))
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Order])
}

// AllOrders loads every order.
func (s *Store) AllOrders(ctx context.Context) ([]domain.Order, error) {
	rows, err := s.pool.Query(ctx, "SELECT id, user_id, total, status, created_at FROM orders ORDER BY id")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Order])
}

// ItemsOf loads an order's items.
func (s *Store) ItemsOf(ctx context.Context, orderID int64) ([]domain.Item, error) {
	rows, err := s.pool.Query(ctx, "SELECT id, order_id, sku, qty FROM items WHERE order_id = $1", orderID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[domain.Item])
}

// CreateOrder stores o and its items in one transaction.
func (s *Store) CreateOrder(ctx context.Context, o *domain.Order) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := tx.QueryRow(ctx, "INSERT INTO orders (user_id, total, status) VALUES ($1, $2, 'new') RETURNING id",
		o.UserID, o.Total).Scan(&o.ID); err != nil {
		return err
	}
	rows := make([][]any, len(o.Items))
	for i, it := range o.Items {
		rows[i] = []any{o.ID, it.SKU, it.Qty}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"items"}, []string{"order_id", "sku", "qty"}, pgx.CopyFromRows(rows)); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// SetStatus updates an order's status.
func (s *Store) SetStatus(ctx context.Context, id int64, status string) error {
	_, err := s.pool.Exec(ctx, "UPDATE orders SET status = $1 WHERE id = $2", status, id)
	return err
}
