// Package mongo is a stub of go.mongodb.org/mongo-driver/v2/mongo (v2.5):
// types and signatures as published, no behaviour.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"
)

type Client struct{}
type Database struct{}
type Collection struct{}
type Cursor struct{}
type SingleResult struct{}
type DistinctResult struct{}
type InsertOneResult struct{}
type InsertManyResult struct{}
type UpdateResult struct{}
type DeleteResult struct{}
type BulkWriteResult struct{}

type WriteModel interface {
	writeModel()
}

func (c *Client) Ping(ctx context.Context, rp *readpref.ReadPref) error { return nil }
func (c *Client) Database(name string) *Database                        { return &Database{} }
func (db *Database) Collection(name string) *Collection                 { return &Collection{} }

func (coll *Collection) BulkWrite(ctx context.Context, models []WriteModel,
	opts ...options.Lister[options.BulkWriteOptions]) (*BulkWriteResult, error) {
	return nil, nil
}
func (coll *Collection) InsertOne(ctx context.Context, document any,
	opts ...options.Lister[options.InsertOneOptions]) (*InsertOneResult, error) {
	return nil, nil
}
func (coll *Collection) InsertMany(ctx context.Context, documents any,
	opts ...options.Lister[options.InsertManyOptions]) (*InsertManyResult, error) {
	return nil, nil
}
func (coll *Collection) DeleteOne(ctx context.Context, filter any,
	opts ...options.Lister[options.DeleteOneOptions]) (*DeleteResult, error) {
	return nil, nil
}
func (coll *Collection) DeleteMany(ctx context.Context, filter any,
	opts ...options.Lister[options.DeleteManyOptions]) (*DeleteResult, error) {
	return nil, nil
}
func (coll *Collection) UpdateByID(ctx context.Context, id any, update any,
	opts ...options.Lister[options.UpdateOneOptions]) (*UpdateResult, error) {
	return nil, nil
}
func (coll *Collection) UpdateOne(ctx context.Context, filter any, update any,
	opts ...options.Lister[options.UpdateOneOptions]) (*UpdateResult, error) {
	return nil, nil
}
func (coll *Collection) UpdateMany(ctx context.Context, filter any, update any,
	opts ...options.Lister[options.UpdateManyOptions]) (*UpdateResult, error) {
	return nil, nil
}
func (coll *Collection) ReplaceOne(ctx context.Context, filter any, replacement any,
	opts ...options.Lister[options.ReplaceOptions]) (*UpdateResult, error) {
	return nil, nil
}
func (coll *Collection) Aggregate(ctx context.Context, pipeline any,
	opts ...options.Lister[options.AggregateOptions]) (*Cursor, error) {
	return nil, nil
}
func (coll *Collection) CountDocuments(ctx context.Context, filter any,
	opts ...options.Lister[options.CountOptions]) (int64, error) {
	return 0, nil
}
func (coll *Collection) EstimatedDocumentCount(ctx context.Context,
	opts ...options.Lister[options.EstimatedDocumentCountOptions]) (int64, error) {
	return 0, nil
}
func (coll *Collection) Distinct(ctx context.Context, fieldName string, filter any,
	opts ...options.Lister[options.DistinctOptions]) *DistinctResult {
	return nil
}
func (coll *Collection) Find(ctx context.Context, filter any,
	opts ...options.Lister[options.FindOptions]) (*Cursor, error) {
	return nil, nil
}
func (coll *Collection) FindOne(ctx context.Context, filter any,
	opts ...options.Lister[options.FindOneOptions]) *SingleResult {
	return nil
}
func (coll *Collection) FindOneAndDelete(ctx context.Context, filter any,
	opts ...options.Lister[options.FindOneAndDeleteOptions]) *SingleResult {
	return nil
}
func (coll *Collection) FindOneAndReplace(ctx context.Context, filter any, replacement any,
	opts ...options.Lister[options.FindOneAndReplaceOptions]) *SingleResult {
	return nil
}
func (coll *Collection) FindOneAndUpdate(ctx context.Context, filter any, update any,
	opts ...options.Lister[options.FindOneAndUpdateOptions]) *SingleResult {
	return nil
}

func (sr *SingleResult) Decode(v any) error { return nil }

func (c *Cursor) Next(ctx context.Context) bool              { return false }
func (c *Cursor) Decode(val any) error                       { return nil }
func (c *Cursor) All(ctx context.Context, results any) error { return nil }
func (c *Cursor) Close(ctx context.Context) error            { return nil }
