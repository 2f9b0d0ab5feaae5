// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo.
package mongo

import "context"

type Client struct{}
type Database struct{}
type Collection struct{}
type Cursor struct{}
type SingleResult struct{}
type InsertOneResult struct{}
type UpdateResult struct{}
type DeleteResult struct{}

func (c *Client) Database(name string) *Database                 { return &Database{} }
func (c *Client) Ping(ctx context.Context, rp interface{}) error { return nil }
func (d *Database) Collection(name string) *Collection           { return &Collection{} }

func (c *Collection) Find(ctx context.Context, filter interface{}, opts ...interface{}) (*Cursor, error) {
	return &Cursor{}, nil
}
func (c *Collection) FindOne(ctx context.Context, filter interface{}, opts ...interface{}) *SingleResult {
	return &SingleResult{}
}
func (c *Collection) Aggregate(ctx context.Context, pipeline interface{}, opts ...interface{}) (*Cursor, error) {
	return &Cursor{}, nil
}
func (c *Collection) CountDocuments(ctx context.Context, filter interface{}, opts ...interface{}) (int64, error) {
	return 0, nil
}
func (c *Collection) InsertOne(ctx context.Context, doc interface{}, opts ...interface{}) (*InsertOneResult, error) {
	return nil, nil
}
func (c *Collection) InsertMany(ctx context.Context, docs []interface{}, opts ...interface{}) (*InsertOneResult, error) {
	return nil, nil
}
func (c *Collection) UpdateOne(ctx context.Context, filter, update interface{}, opts ...interface{}) (*UpdateResult, error) {
	return nil, nil
}
func (c *Collection) DeleteOne(ctx context.Context, filter interface{}, opts ...interface{}) (*DeleteResult, error) {
	return nil, nil
}

func (r *SingleResult) Decode(v interface{}) error { return nil }

func (c *Cursor) Next(ctx context.Context) bool                      { return false }
func (c *Cursor) Decode(v interface{}) error                         { return nil }
func (c *Cursor) All(ctx context.Context, results interface{}) error { return nil }
func (c *Cursor) Close(ctx context.Context) error                    { return nil }
