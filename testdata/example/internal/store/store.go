// Package store is the shop's data access layer.
package store

import (
	"context"
	"database/sql"
	"time"
)

// User is a customer.
type User struct {
	ID    int64
	Name  string
	Email string
}

// Order is a purchase.
type Order struct {
	ID        int64
	UserID    int64
	Total     int64
	CreatedAt time.Time
}

// Store is what the handlers need from the database.
type Store interface {
	GetUser(ctx context.Context, id int64) (User, error)
	UsersByID(ctx context.Context, ids []int64) (map[int64]User, error)
	ListOrders(ctx context.Context) ([]Order, error)
	RecentOrders(ctx context.Context, limit int) ([]Order, error)
	CreateOrder(ctx context.Context, o Order) (int64, error)
	CancelOrder(ctx context.Context, id int64) error
}

// PG implements Store on PostgreSQL.
type PG struct {
	DB *sql.DB
}

// GetUser loads one user.
func (s *PG) GetUser(ctx context.Context, id int64) (User, error) {
	var u User
	err := s.DB.QueryRowContext(ctx, "SELECT id, name, email FROM users WHERE id = $1", id).
		Scan(&u.ID, &u.Name, &u.Email)
	return u, err
}

// UsersByID loads many users in one query.
func (s *PG) UsersByID(ctx context.Context, ids []int64) (map[int64]User, error) {
	rows, err := s.DB.QueryContext(ctx, "SELECT id, name, email FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]User, len(ids))
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, err
		}
		out[u.ID] = u
	}
	return out, rows.Err()
}

// ListOrders returns every order.
func (s *PG) ListOrders(ctx context.Context) ([]Order, error) {
	return s.orders(ctx, "SELECT id, user_id, total, created_at FROM orders ORDER BY id")
}

// RecentOrders returns the newest orders, at most limit of them.
func (s *PG) RecentOrders(ctx context.Context, limit int) ([]Order, error) {
	return s.orders(ctx, "SELECT id, user_id, total, created_at FROM orders ORDER BY id DESC LIMIT $1", limit)
}

func (s *PG) orders(ctx context.Context, query string, args ...any) ([]Order, error) {
	rows, err := s.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.UserID, &o.Total, &o.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// CreateOrder inserts an order.
func (s *PG) CreateOrder(ctx context.Context, o Order) (int64, error) {
	var id int64
	err := s.DB.QueryRowContext(ctx,
		"INSERT INTO orders (user_id, total) VALUES ($1, $2) RETURNING id", o.UserID, o.Total).Scan(&id)
	return id, err
}

// CancelOrder marks an order cancelled.
func (s *PG) CancelOrder(ctx context.Context, id int64) error {
	_, err := s.DB.Exec("UPDATE orders SET cancelled_at = now() WHERE id = $1", id)
	return err
}

// Ping checks the connection at start-up.
func (s *PG) Ping() error {
	return s.DB.Ping()
}
