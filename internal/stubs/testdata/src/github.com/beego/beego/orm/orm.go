// Package orm is a stand-in for github.com/beego/beego (v1.12)/orm: the
// interfaces as published in v1.12.3 (the driver as an empty interface).
package orm

import (
	"context"
	"database/sql"
)

type Params map[string]interface{}

type ParamsList []interface{}

type Condition struct{}

func NewCondition() *Condition { return &Condition{} }

type Driver interface{}

func NewOrm() Ormer { return nil }

func RegisterModel(models ...interface{}) {}

type Ormer interface {
	Read(md interface{}, cols ...string) error
	ReadForUpdate(md interface{}, cols ...string) error
	ReadOrCreate(md interface{}, col1 string, cols ...string) (bool, int64, error)
	Insert(interface{}) (int64, error)
	InsertOrUpdate(md interface{}, colConflitAndArgs ...string) (int64, error)
	InsertMulti(bulk int, mds interface{}) (int64, error)
	Update(md interface{}, cols ...string) (int64, error)
	Delete(md interface{}, cols ...string) (int64, error)
	LoadRelated(md interface{}, name string, args ...interface{}) (int64, error)
	QueryM2M(md interface{}, name string) QueryM2Mer
	QueryTable(ptrStructOrTableName interface{}) QuerySeter
	Using(name string) error
	Begin() error
	BeginTx(ctx context.Context, opts *sql.TxOptions) error
	Commit() error
	Rollback() error
	Raw(query string, args ...interface{}) RawSeter
	Driver() Driver
	DBStats() *sql.DBStats
}

type Inserter interface {
	Insert(interface{}) (int64, error)
	Close() error
}

type QuerySeter interface {
	Filter(string, ...interface{}) QuerySeter
	FilterRaw(string, string) QuerySeter
	Exclude(string, ...interface{}) QuerySeter
	SetCond(*Condition) QuerySeter
	GetCond() *Condition
	Limit(limit interface{}, args ...interface{}) QuerySeter
	Offset(offset interface{}) QuerySeter
	GroupBy(exprs ...string) QuerySeter
	OrderBy(exprs ...string) QuerySeter
	RelatedSel(params ...interface{}) QuerySeter
	Distinct() QuerySeter
	ForUpdate() QuerySeter
	Count() (int64, error)
	Exist() bool
	Update(values Params) (int64, error)
	Delete() (int64, error)
	PrepareInsert() (Inserter, error)
	All(container interface{}, cols ...string) (int64, error)
	One(container interface{}, cols ...string) error
	Values(results *[]Params, exprs ...string) (int64, error)
	ValuesList(results *[]ParamsList, exprs ...string) (int64, error)
	ValuesFlat(result *ParamsList, expr string) (int64, error)
	RowsToMap(result *Params, keyCol, valueCol string) (int64, error)
	RowsToStruct(ptrStruct interface{}, keyCol, valueCol string) (int64, error)
}

type QueryM2Mer interface {
	Add(...interface{}) (int64, error)
	Remove(...interface{}) (int64, error)
	Exist(interface{}) bool
	Clear() (int64, error)
	Count() (int64, error)
}

type RawPreparer interface {
	Exec(...interface{}) (sql.Result, error)
	Close() error
}

type RawSeter interface {
	Exec() (sql.Result, error)
	QueryRow(containers ...interface{}) error
	QueryRows(containers ...interface{}) (int64, error)
	SetArgs(...interface{}) RawSeter
	Values(container *[]Params, cols ...string) (int64, error)
	ValuesList(container *[]ParamsList, cols ...string) (int64, error)
	ValuesFlat(container *ParamsList, cols ...string) (int64, error)
	RowsToMap(result *Params, keyCol, valueCol string) (int64, error)
	RowsToStruct(ptrStruct interface{}, keyCol, valueCol string) (int64, error)
	Prepare() (RawPreparer, error)
}
