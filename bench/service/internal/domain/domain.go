// Package domain holds the service's types.
package domain

import (
	"context"
	"time"
)

// User is an account.
type User struct {
	ID        int64     `json:"id" gorm:"primaryKey"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

// Order is a purchase.
type Order struct {
	ID        int64     `json:"id" gorm:"primaryKey"`
	UserID    int64     `json:"user_id"`
	Total     int64     `json:"total"`
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
	Items     []Item    `json:"items" gorm:"-"`
}

// Item is one line of an order.
type Item struct {
	ID      int64  `json:"id" gorm:"primaryKey"`
	OrderID int64  `json:"order_id"`
	SKU     string `json:"sku"`
	Qty     int    `json:"qty"`
}

// Page asks for one page of a list.
type Page struct {
	Limit  int   `form:"limit" query:"limit"`
	Cursor int64 `form:"cursor" query:"cursor"`
}

// Store is what the handlers need from storage.
type Store interface {
	GetUser(ctx context.Context, id int64) (*User, error)
	ListOrders(ctx context.Context, userID int64, p Page) ([]Order, error)
	AllOrders(ctx context.Context) ([]Order, error)
	ItemsOf(ctx context.Context, orderID int64) ([]Item, error)
	CreateOrder(ctx context.Context, o *Order) error
	SetStatus(ctx context.Context, id int64, status string) error
}
