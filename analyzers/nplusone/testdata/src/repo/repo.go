// Package repo declares interfaces whose implementations live elsewhere.
package repo

import "context"

type User struct{ ID int64 }

// UserRepository's implementation is in repo/pg, which the api package
// does not import: the naming heuristic applies.
type UserRepository interface {
	Get(ctx context.Context, id int64) (User, error)
	Save(ctx context.Context, u User) error
}

// Notes does not look like a store: no heuristic.
type Notes interface {
	Text(ctx context.Context, id int64) (string, error)
}
