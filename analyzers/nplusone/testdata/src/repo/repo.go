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

// DB, a package's whole database behind one interface (koito's db.DB),
// whose implementation the api package does not import: the heuristic
// applies.
type DB interface {
	GetArtist(ctx context.Context, id int64) (User, error)
}

// DBConfig only describes a database: no heuristic.
type DBConfig interface {
	DSN(ctx context.Context) (string, error)
}
