// Package gorm is a stub of github.com/jinzhu/gorm (v1.9; main.go,
// association.go): types and signatures as published.
package gorm

import "database/sql"

type DB struct {
	Error        error
	RowsAffected int64
}

type Association struct{ Error error }

func Open(dialect string, args ...interface{}) (*DB, error) { return nil, nil }

func (s *DB) Where(query interface{}, args ...interface{}) *DB             { return s }
func (s *DB) Or(query interface{}, args ...interface{}) *DB                { return s }
func (s *DB) Not(query interface{}, args ...interface{}) *DB               { return s }
func (s *DB) Limit(limit interface{}) *DB                                  { return s }
func (s *DB) Offset(offset interface{}) *DB                                { return s }
func (s *DB) Order(value interface{}, reorder ...bool) *DB                 { return s }
func (s *DB) Select(query interface{}, args ...interface{}) *DB            { return s }
func (s *DB) Joins(query string, args ...interface{}) *DB                  { return s }
func (s *DB) Scopes(funcs ...func(*DB) *DB) *DB                            { return s }
func (s *DB) Model(value interface{}) *DB                                  { return s }
func (s *DB) Table(name string) *DB                                        { return s }
func (s *DB) Preload(column string, conditions ...interface{}) *DB         { return s }
func (s *DB) Raw(sql string, values ...interface{}) *DB                    { return s }
func (s *DB) First(out interface{}, where ...interface{}) *DB              { return s }
func (s *DB) Take(out interface{}, where ...interface{}) *DB               { return s }
func (s *DB) Last(out interface{}, where ...interface{}) *DB               { return s }
func (s *DB) Find(out interface{}, where ...interface{}) *DB               { return s }
func (s *DB) Scan(dest interface{}) *DB                                    { return s }
func (s *DB) Row() *sql.Row                                                { return nil }
func (s *DB) Rows() (*sql.Rows, error)                                     { return nil, nil }
func (s *DB) Pluck(column string, value interface{}) *DB                   { return s }
func (s *DB) Count(value interface{}) *DB                                  { return s }
func (s *DB) Related(value interface{}, foreignKeys ...string) *DB         { return s }
func (s *DB) FirstOrInit(out interface{}, where ...interface{}) *DB        { return s }
func (s *DB) FirstOrCreate(out interface{}, where ...interface{}) *DB      { return s }
func (s *DB) Update(attrs ...interface{}) *DB                              { return s }
func (s *DB) Updates(values interface{}, ignoreProtectedAttrs ...bool) *DB { return s }
func (s *DB) UpdateColumn(attrs ...interface{}) *DB                        { return s }
func (s *DB) UpdateColumns(values interface{}) *DB                         { return s }
func (s *DB) Save(value interface{}) *DB                                   { return s }
func (s *DB) Create(value interface{}) *DB                                 { return s }
func (s *DB) Delete(value interface{}, where ...interface{}) *DB           { return s }
func (s *DB) Exec(sql string, values ...interface{}) *DB                   { return s }
func (s *DB) Begin() *DB                                                   { return s }
func (s *DB) Commit() *DB                                                  { return s }
func (s *DB) Rollback() *DB                                                { return s }
func (s *DB) Association(column string) *Association                       { return nil }

func (association *Association) Find(value interface{}) *Association        { return association }
func (association *Association) Append(values ...interface{}) *Association  { return association }
func (association *Association) Replace(values ...interface{}) *Association { return association }
func (association *Association) Delete(values ...interface{}) *Association  { return association }
func (association *Association) Clear() *Association                        { return association }
func (association *Association) Count() int                                 { return 0 }
