// Package options is a stub of go.mongodb.org/mongo-driver/mongo/options.
package options

type FindOptions struct{}

func Find() *FindOptions                                  { return &FindOptions{} }
func (f *FindOptions) SetLimit(n int64) *FindOptions      { return f }
func (f *FindOptions) SetSort(s interface{}) *FindOptions { return f }
