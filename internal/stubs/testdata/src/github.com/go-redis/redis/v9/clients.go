package redis

// Declarations the apis tables name, as in go-redis v9 (commands.go,
// pipeline.go, tx.go, universal.go, cluster.go, ring.go).

import "context"

type statefulCmdable func(ctx context.Context, cmd Cmder) error

func (c statefulCmdable) Select(ctx context.Context, index int) *StatusCmd { return &StatusCmd{} }

type StatefulCmdable interface {
	Cmdable
	Select(ctx context.Context, index int) *StatusCmd
}

type UniversalClient interface {
	Cmdable
	Watch(ctx context.Context, fn func(*Tx) error, keys ...string) error
	Close() error
}

type Pipeline struct {
	cmdable
	statefulCmdable
}

func (c *Pipeline) Len() int                                  { return 0 }
func (c *Pipeline) Discard()                                  {}
func (c *Pipeline) Exec(ctx context.Context) ([]Cmder, error) { return nil, nil }
func (c *Pipeline) Pipeline() Pipeliner                       { return c }
func (c *Pipeline) TxPipeline() Pipeliner                     { return c }
func (c *Pipeline) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
func (c *Pipeline) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

type Tx struct {
	cmdable
	statefulCmdable
}

func (c *Tx) Close(ctx context.Context) error { return nil }

func (c *Client) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
func (c *Client) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
func (c *Client) TxPipeline() Pipeliner { return nil }
func (c *Client) Watch(ctx context.Context, fn func(*Tx) error, keys ...string) error {
	return nil
}

type ClusterClient struct {
	cmdable
}

type ClusterOptions struct{ Addrs []string }

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{} }
func (c *ClusterClient) Close() error                     { return nil }
func (c *ClusterClient) Pipeline() Pipeliner              { return nil }
func (c *ClusterClient) TxPipeline() Pipeliner            { return nil }
func (c *ClusterClient) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
func (c *ClusterClient) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
func (c *ClusterClient) Watch(ctx context.Context, fn func(*Tx) error, keys ...string) error {
	return nil
}

type Ring struct {
	cmdable
}

type RingOptions struct{ Addrs map[string]string }

func NewRing(opt *RingOptions) *Ring  { return &Ring{} }
func (c *Ring) Close() error          { return nil }
func (c *Ring) Pipeline() Pipeliner   { return nil }
func (c *Ring) TxPipeline() Pipeliner { return nil }
func (c *Ring) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
func (c *Ring) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
func (c *Ring) Watch(ctx context.Context, fn func(*Tx) error, keys ...string) error {
	return nil
}
