// Package gorm is a stub of gorm.io/gorm for analyzer tests.
package gorm

import (
	"context"
	"database/sql"
)

type Dialector interface{ Name() string }
type Option interface{}

type DB struct {
	Error        error
	RowsAffected int64
}

func Open(dialector Dialector, opts ...Option) (*DB, error) { return &DB{}, nil }

func (db *DB) WithContext(ctx context.Context) *DB                             { return db }
func (db *DB) Model(value interface{}) *DB                                     { return db }
func (db *DB) Table(name string, args ...interface{}) *DB                      { return db }
func (db *DB) Where(query interface{}, args ...interface{}) *DB                { return db }
func (db *DB) Or(query interface{}, args ...interface{}) *DB                   { return db }
func (db *DB) Not(query interface{}, args ...interface{}) *DB                  { return db }
func (db *DB) Select(query interface{}, args ...interface{}) *DB               { return db }
func (db *DB) Joins(query string, args ...interface{}) *DB                     { return db }
func (db *DB) Preload(query string, args ...interface{}) *DB                   { return db }
func (db *DB) Order(value interface{}) *DB                                     { return db }
func (db *DB) Scopes(funcs ...func(*DB) *DB) *DB                               { return db }
func (db *DB) Limit(limit int) *DB                                             { return db }
func (db *DB) Offset(offset int) *DB                                           { return db }
func (db *DB) Raw(sql string, values ...interface{}) *DB                       { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) *DB                 { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) *DB                { return db }
func (db *DB) Take(dest interface{}, conds ...interface{}) *DB                 { return db }
func (db *DB) Last(dest interface{}, conds ...interface{}) *DB                 { return db }
func (db *DB) Scan(dest interface{}) *DB                                       { return db }
func (db *DB) Pluck(column string, dest interface{}) *DB                       { return db }
func (db *DB) Count(count *int64) *DB                                          { return db }
func (db *DB) Create(value interface{}) *DB                                    { return db }
func (db *DB) CreateInBatches(value interface{}, batchSize int) *DB            { return db }
func (db *DB) Save(value interface{}) *DB                                      { return db }
func (db *DB) Update(column string, value interface{}) *DB                     { return db }
func (db *DB) Updates(values interface{}) *DB                                  { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) *DB              { return db }
func (db *DB) Exec(sql string, values ...interface{}) *DB                      { return db }
func (db *DB) Rows() (*sql.Rows, error)                                        { return nil, nil }
func (db *DB) Row() *sql.Row                                                   { return nil }
func (db *DB) Transaction(fc func(tx *DB) error, opts ...*sql.TxOptions) error { return nil }
func (db *DB) Association(column string) *Association                          { return &Association{} }

type Association struct{ Error error }

func (a *Association) Find(out interface{}, conds ...interface{}) error { return nil }
func (a *Association) Append(values ...interface{}) error               { return nil }
func (a *Association) Count() int64                                     { return 0 }
