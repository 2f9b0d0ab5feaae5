// Package redis is a stub of github.com/go-redis/redis/v9 (v9.0.0-rc.2, before the module moved to github.com/redis/go-redis/v9):
// commands are methods of the unexported cmdable, promoted into Client,
// ClusterClient, Ring, Pipeline and Tx. Signatures as published.
package redis

import (
	"context"
	"time"
)

type StringCmd struct{}

func (c *StringCmd) Result() (string, error) { return "", nil }

type StatusCmd struct{}
type SliceCmd struct{}
type Cmder interface{}

type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c cmdable) Set(ctx context.Context, key string, value interface{}, exp time.Duration) *StatusCmd {
	return &StatusCmd{}
}
func (c cmdable) MGet(ctx context.Context, keys ...string) *SliceCmd { return &SliceCmd{} }

type Cmdable interface {
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value interface{}, exp time.Duration) *StatusCmd
	MGet(ctx context.Context, keys ...string) *SliceCmd
	Pipeline() Pipeliner
}

type Pipeliner interface {
	Cmdable
	Exec(ctx context.Context) ([]Cmder, error)
}

type Client struct {
	cmdable
}

func NewClient(opt *Options) *Client  { return &Client{} }
func (c *Client) Pipeline() Pipeliner { return nil }
func (c *Client) Close() error        { return nil }

type Options struct{ Addr string }
