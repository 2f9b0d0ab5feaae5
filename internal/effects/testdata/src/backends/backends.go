package backends // want package:"summarised"

import (
	"context"
	"database/sql"
	"time"
)

// Store has four implementations. Three query: every backend's effect.
// One sleeps: that backend's only (variant). The fact says so.
type Store interface {
	Get(ctx context.Context, id int64) error // want Get:`blocking variant via backends.pollStore.Get → time.Sleep; db-read-one via backends.\(\*liteStore\).Get → \(\*sql.DB\).QueryRowContext; ctx param \[0\]`
}

type pgStore struct{ db *sql.DB }

func (s *pgStore) Get(ctx context.Context, id int64) error { // want Get:`db-read-one via`
	return s.db.QueryRowContext(ctx, "SELECT 1 WHERE id = $1", id).Err()
}

type liteStore struct{ db *sql.DB }

func (s *liteStore) Get(ctx context.Context, id int64) error { // want Get:`db-read-one via`
	return s.db.QueryRowContext(ctx, "SELECT 1 WHERE id = ?", id).Err()
}

type myStore struct{ db *sql.DB }

func (s *myStore) Get(ctx context.Context, id int64) error { // want Get:`db-read-one via`
	return s.db.QueryRowContext(ctx, "SELECT 1 WHERE id = ?", id).Err()
}

type pollStore struct{}

func (pollStore) Get(ctx context.Context, id int64) error { time.Sleep(time.Second); return nil } // want Get:`blocking via time.Sleep`

// Two implementations are no choice of backends: the sleep is certain.
type Pair interface {
	Wait() // want Wait:`^blocking via backends.slow.Wait → time.Sleep$`
}

type slow struct{}

func (slow) Wait() { time.Sleep(time.Second) } // want Wait:`blocking via time.Sleep`

type fast struct{}

func (fast) Wait() {}
