// Package xorm is a stub of github.com/xorm-io/xorm, a copy of xorm.io/xorm (v1.3; engine.go, session*.go):
// types and signatures as published.
package xorm

import (
	"context"
	"database/sql"
)

type Engine struct{}

type EngineGroup struct{ *Engine }

type Session struct{}

type Rows struct{}

func (rs *Rows) Next() bool                      { return false }
func (rs *Rows) Scan(beans ...interface{}) error { return nil }
func (rs *Rows) Close() error                    { return nil }

type IterFunc func(idx int, bean interface{}) error

func NewEngine(driverName string, dataSourceName string) (*Engine, error) { return nil, nil }

func (engine *Engine) NewSession() *Session                                    { return nil }
func (engine *Engine) Context(ctx context.Context) *Session                    { return nil }
func (engine *Engine) Where(query interface{}, args ...interface{}) *Session   { return nil }
func (engine *Engine) Table(tableNameOrBean interface{}) *Session              { return nil }
func (engine *Engine) ID(id interface{}) *Session                              { return nil }
func (engine *Engine) In(column string, args ...interface{}) *Session          { return nil }
func (engine *Engine) Limit(limit int, start ...int) *Session                  { return nil }
func (engine *Engine) OrderBy(order interface{}, args ...interface{}) *Session { return nil }
func (engine *Engine) Cols(columns ...string) *Session                         { return nil }
func (engine *Engine) SQL(query interface{}, args ...interface{}) *Session     { return nil }
func (engine *Engine) Get(beans ...interface{}) (bool, error)                  { return false, nil }
func (engine *Engine) Exist(bean ...interface{}) (bool, error)                 { return false, nil }
func (engine *Engine) Find(beans interface{}, condiBeans ...interface{}) error { return nil }
func (engine *Engine) FindAndCount(rowsSlicePointer interface{}, condiBean ...interface{}) (int64, error) {
	return 0, nil
}
func (engine *Engine) Iterate(bean interface{}, fun IterFunc) error          { return nil }
func (engine *Engine) Rows(bean interface{}) (*Rows, error)                  { return nil, nil }
func (engine *Engine) Count(bean ...interface{}) (int64, error)              { return 0, nil }
func (engine *Engine) Sum(bean interface{}, colName string) (float64, error) { return 0, nil }
func (engine *Engine) Insert(beans ...interface{}) (int64, error)            { return 0, nil }
func (engine *Engine) InsertOne(bean interface{}) (int64, error)             { return 0, nil }
func (engine *Engine) Update(bean interface{}, condiBeans ...interface{}) (int64, error) {
	return 0, nil
}
func (engine *Engine) Delete(beans ...interface{}) (int64, error)        { return 0, nil }
func (engine *Engine) Exec(sqlOrArgs ...interface{}) (sql.Result, error) { return nil, nil }
func (engine *Engine) Query(sqlOrArgs ...interface{}) (resultsSlice []map[string][]byte, err error) {
	return nil, nil
}
func (engine *Engine) QueryString(sqlOrArgs ...interface{}) ([]map[string]string, error) {
	return nil, nil
}
func (engine *Engine) Transaction(f func(*Session) (interface{}, error)) (interface{}, error) {
	return nil, nil
}
func (engine *Engine) Ping() error { return nil }

func (session *Session) Close() error                                            { return nil }
func (session *Session) Begin() error                                            { return nil }
func (session *Session) Commit() error                                           { return nil }
func (session *Session) Rollback() error                                         { return nil }
func (session *Session) Context(ctx context.Context) *Session                    { return session }
func (session *Session) Where(query interface{}, args ...interface{}) *Session   { return session }
func (session *Session) And(query interface{}, args ...interface{}) *Session     { return session }
func (session *Session) Table(tableNameOrBean interface{}) *Session              { return session }
func (session *Session) ID(id interface{}) *Session                              { return session }
func (session *Session) In(column string, args ...interface{}) *Session          { return session }
func (session *Session) Limit(limit int, start ...int) *Session                  { return session }
func (session *Session) OrderBy(order interface{}, args ...interface{}) *Session { return session }
func (session *Session) Cols(columns ...string) *Session                         { return session }
func (session *Session) SQL(query interface{}, args ...interface{}) *Session     { return session }
func (session *Session) Get(beans ...interface{}) (bool, error)                  { return false, nil }
func (session *Session) Exist(bean ...interface{}) (bool, error)                 { return false, nil }
func (session *Session) Find(rowsSlicePointer interface{}, condiBean ...interface{}) error {
	return nil
}
func (session *Session) FindAndCount(rowsSlicePointer interface{}, condiBean ...interface{}) (int64, error) {
	return 0, nil
}
func (session *Session) Iterate(bean interface{}, fun IterFunc) error             { return nil }
func (session *Session) Rows(bean interface{}) (*Rows, error)                     { return nil, nil }
func (session *Session) Count(bean ...interface{}) (int64, error)                 { return 0, nil }
func (session *Session) Sum(bean interface{}, columnName string) (float64, error) { return 0, nil }
func (session *Session) Insert(beans ...interface{}) (int64, error)               { return 0, nil }
func (session *Session) InsertOne(bean interface{}) (int64, error)                { return 0, nil }
func (session *Session) Update(bean interface{}, condiBean ...interface{}) (int64, error) {
	return 0, nil
}
func (session *Session) Delete(beans ...interface{}) (int64, error)        { return 0, nil }
func (session *Session) Exec(sqlOrArgs ...interface{}) (sql.Result, error) { return nil, nil }
func (session *Session) Query(sqlOrArgs ...interface{}) (resultsSlice []map[string][]byte, err error) {
	return nil, nil
}
func (session *Session) QueryString(sqlOrArgs ...interface{}) ([]map[string]string, error) {
	return nil, nil
}

func (engine *Engine) QueryInterface(sqlOrArgs ...interface{}) ([]map[string]interface{}, error) {
	return nil, nil
}
func (engine *Engine) Sums(bean interface{}, colNames ...string) ([]float64, error) { return nil, nil }
func (session *Session) QueryInterface(sqlOrArgs ...interface{}) ([]map[string]interface{}, error) {
	return nil, nil
}
func (session *Session) Sums(bean interface{}, columnNames ...string) ([]float64, error) {
	return nil, nil
}
