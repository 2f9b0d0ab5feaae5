// Package xorm is a stub of xorm.io/xorm, which apilint does not know
// without configuration.
package xorm

type Session struct{}

func (s *Session) Where(query interface{}, args ...interface{}) *Session { return s }
func (s *Session) Exist(beans ...interface{}) (bool, error)              { return false, nil }
func (s *Session) Find(rowsSlicePointer interface{}, cond ...interface{}) error {
	return nil
}
