// Package squirrel is a stub of github.com/Masterminds/squirrel.
package squirrel

import (
	"context"
	"database/sql"
)

type SelectBuilder struct{}

type RunWith interface{}

func Select(columns ...string) SelectBuilder                                      { return SelectBuilder{} }
func (b SelectBuilder) From(from string) SelectBuilder                            { return b }
func (b SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder { return b }
func (b SelectBuilder) OrderBy(o ...string) SelectBuilder                         { return b }
func (b SelectBuilder) Limit(n uint64) SelectBuilder                              { return b }
func (b SelectBuilder) Offset(n uint64) SelectBuilder                             { return b }
func (b SelectBuilder) RunWith(r RunWith) SelectBuilder                           { return b }
func (b SelectBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }
func (b SelectBuilder) QueryContext(ctx context.Context) (*sql.Rows, error) {
	return nil, nil
}
