// Package entgen looks like ent's generated code.
package entgen

import (
	"context"

	"entgo.io/ent"
)

var _ ent.Hook

type User struct{ ID int }

type Client struct{ User *UserClient }

type UserClient struct{}

func (c *UserClient) Query() *UserQuery                              { return &UserQuery{} }
func (c *UserClient) Get(ctx context.Context, id int) (*User, error) { return nil, nil }

type UserQuery struct{}

func (q *UserQuery) Where(ps ...func()) *UserQuery            { return q }
func (q *UserQuery) Limit(n int) *UserQuery                   { return q }
func (q *UserQuery) All(ctx context.Context) ([]*User, error) { return nil, nil }
func (q *UserQuery) Only(ctx context.Context) (*User, error)  { return nil, nil }
func (q *UserQuery) Count(ctx context.Context) (int, error)   { return 0, nil }
