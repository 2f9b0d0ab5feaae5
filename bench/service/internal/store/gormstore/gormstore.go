// Package gormstore implements domain.Store with gorm.
package gormstore

import (
	"context"
	"fmt"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/benchservice/internal/domain"
)

// Store is a gorm-backed store.
type Store struct{ db *gorm.DB }

// Open connects to dsn.
func Open(dsn string) (*Store, error) {
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", dsn, err)
	}
	return &Store{db: db}, nil
}

// Migrate creates the tables.
func (s *Store) Migrate() error {
	return s.db.AutoMigrate(&domain.User{}, &domain.Order{}, &domain.Item{})
}

// GetUser loads one user.
func (s *Store) GetUser(ctx context.Context, id int64) (*domain.User, error) {
	var u domain.User
	if err := s.db.WithContext(ctx).First(&u, id).Error; err != nil {
		return nil, err
	}
	return &u, nil
}

// ListOrders loads one page of a user's orders.
func (s *Store) ListOrders(ctx context.Context, userID int64, p domain.Page) ([]domain.Order, error) {
	var out []domain.Order
	q := s.db.WithContext(ctx).Where("user_id = ?", userID)
	if p.Cursor > 0 {
		q = q.Where("id > ?", p.Cursor)
	}
	err := q.Order("id").Limit(min(max(p.Limit, 1), 100)).Find(&out).Error
	return out, err
}

// AllOrders loads every order.
func (s *Store) AllOrders(ctx context.Context) ([]domain.Order, error) {
	var out []domain.Order
	err := s.db.WithContext(ctx).Order("id").Find(&out).Error
	return out, err
}

// ItemsOf loads an order's items.
func (s *Store) ItemsOf(ctx context.Context, orderID int64) ([]domain.Item, error) {
	var out []domain.Item
	err := s.db.WithContext(ctx).Where("order_id = ?", orderID).Find(&out).Error
	return out, err
}

// CreateOrder stores o and its items.
func (s *Store) CreateOrder(ctx context.Context, o *domain.Order) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(o).Error; err != nil {
			return err
		}
		for i := range o.Items {
			o.Items[i].OrderID = o.ID
		}
		if len(o.Items) == 0 {
			return nil
		}
		return tx.Create(&o.Items).Error
	})
}

// SetStatus updates an order's status.
func (s *Store) SetStatus(ctx context.Context, id int64, status string) error {
	return s.db.WithContext(ctx).Model(&domain.Order{}).Where("id = ?", id).Update("status", status).Error
}
