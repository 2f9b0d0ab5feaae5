// Package options is a stub of go.mongodb.org/mongo-driver/v2/mongo/options
// (v2.5): option types and the builders the apis tables name, without
// their fields.
package options

type Lister[T any] interface {
	List() []func(*T) error
}

type FindOptions struct{}

type FindOptionsBuilder struct {
	Opts []func(*FindOptions) error
}

func Find() *FindOptionsBuilder                                { return &FindOptionsBuilder{} }
func (f *FindOptionsBuilder) List() []func(*FindOptions) error { return f.Opts }
func (f *FindOptionsBuilder) SetLimit(i int64) *FindOptionsBuilder {
	return f
}
func (f *FindOptionsBuilder) SetSort(sort any) *FindOptionsBuilder { return f }

type AggregateOptions struct{}
type BulkWriteOptions struct{}
type CountOptions struct{}
type DeleteManyOptions struct{}
type DeleteOneOptions struct{}
type DistinctOptions struct{}
type EstimatedDocumentCountOptions struct{}
type FindOneAndDeleteOptions struct{}
type FindOneAndReplaceOptions struct{}
type FindOneAndUpdateOptions struct{}
type FindOneOptions struct{}
type InsertManyOptions struct{}
type InsertOneOptions struct{}
type ReplaceOptions struct{}
type UpdateManyOptions struct{}
type UpdateOneOptions struct{}
