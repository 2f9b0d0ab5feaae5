package gorm

// Declarations of gorm v1.31 (finisher_api.go, association.go) that the
// apis tables name; signatures as published.

import "database/sql"

func (db *DB) FindInBatches(dest interface{}, batchSize int, fc func(tx *DB, batch int) error) *DB {
	return db
}
func (db *DB) FirstOrInit(dest interface{}, conds ...interface{}) (tx *DB)   { return db }
func (db *DB) FirstOrCreate(dest interface{}, conds ...interface{}) (tx *DB) { return db }
func (db *DB) UpdateColumn(column string, value interface{}) (tx *DB)        { return db }
func (db *DB) UpdateColumns(values interface{}) (tx *DB)                     { return db }
func (db *DB) Begin(opts ...*sql.TxOptions) *DB                              { return db }
func (db *DB) Commit() *DB                                                   { return db }
func (db *DB) Rollback() *DB                                                 { return db }

func (association *Association) Replace(values ...interface{}) error { return nil }
func (association *Association) Delete(values ...interface{}) error  { return nil }
func (association *Association) Clear() error                        { return nil }
