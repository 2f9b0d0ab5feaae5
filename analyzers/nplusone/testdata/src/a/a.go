package a

import (
	"context"
	"database/sql"
	"iter"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"golang.org/x/sync/errgroup"
	"gorm.io/gorm"

	"helpers"
)

type User struct {
	ID   int64
	Name string
}

type Order struct{ ID, UserID int64 }

type Store struct {
	db   *sql.DB
	dbx  *sqlx.DB
	pool *pgxpool.Pool
	gdb  *gorm.DB
}

func (s *Store) GetUser(ctx context.Context, id int64) (User, error) {
	var u User
	err := s.db.QueryRowContext(ctx, "SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name)
	return u, err
}

func (s *Store) UsersByID(ctx context.Context, ids []int64) (map[int64]User, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name FROM users WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, nil
}

// Direct queries in range loops over slices, maps, channels, integers
// and iterators.

func (s *Store) direct(ctx context.Context, orders []Order) {
	for _, o := range orders {
		s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", o.UserID) // want `N\+1: \(\*sql.DB\).QueryRowContext runs once per element of orders \(loop at a.go:50\)`
	}
}

func (s *Store) overMap(ctx context.Context, byID map[int64]Order) {
	for id := range byID {
		s.GetUser(ctx, id) // want `N\+1: a.\(\*Store\).GetUser runs \(\*sql.DB\).QueryRowContext once per element of byID .*load all users with one query`
	}
}

// A loop over a channel takes jobs one at a time: each job's queries are
// not once per element of a collection.
func (s *Store) overChan(ctx context.Context, ids <-chan int64) {
	for id := range ids {
		s.GetUser(ctx, id)
	}
}

func (s *Store) overInt(ctx context.Context, n int) {
	for i := range n {
		s.GetUser(ctx, int64(i)) // want `once per element of n`
	}
}

func (s *Store) overIter(ctx context.Context, seq iter.Seq[int64]) {
	for id := range seq {
		s.GetUser(ctx, id) // want `once per element of seq`
	}
}

// Result sets and counted loops.

func (s *Store) overRows(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "SELECT user_id FROM orders LIMIT 100")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		s.GetUser(ctx, id) // want `once per element of rows`
	}
	return rows.Err()
}

func (s *Store) counted(ctx context.Context, ids []int64) {
	for i := 0; i < len(ids); i++ {
		s.GetUser(ctx, ids[i]) // want `once per element of ids`
	}
}

// Through a converter.

type view struct{ Name string }

func (s *Store) toView(ctx context.Context, o Order) view {
	u, _ := s.GetUser(ctx, o.UserID)
	return view{Name: u.Name}
}

func (s *Store) converted(ctx context.Context, orders []Order) []view {
	var out []view
	for _, o := range orders {
		out = append(out, s.toView(ctx, o)) // want `N\+1: a.\(\*Store\).toView runs \(\*sql.DB\).QueryRowContext once per element of orders`
	}
	return out
}

// Look-alike: the batched version.
func (s *Store) batched(ctx context.Context, orders []Order) []view {
	ids := make([]int64, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.UserID)
	}
	users, _ := s.UsersByID(ctx, ids)
	var out []view
	for _, o := range orders {
		out = append(out, view{Name: users[o.UserID].Name})
	}
	return out
}

// A cache miss per element is still an N+1.
func (s *Store) cached(ctx context.Context, ids []int64, cache map[int64]User) {
	for _, id := range ids {
		if _, ok := cache[id]; !ok {
			u, _ := s.GetUser(ctx, id) // want `once per element of ids`
			cache[id] = u
		}
	}
}

// Look-alike: a retry loop with a small constant bound.
func (s *Store) retry(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.db.PingContext(ctx); err == nil {
			return nil
		}
	}
	return err
}

// Look-alike: range over a constant with an early exit is a retry too.
func (s *Store) retryRange(ctx context.Context) error {
	for range 5 {
		if _, err := s.GetUser(ctx, 1); err == nil {
			break
		}
	}
	return nil
}

// Look-alike: paging with for {} and a keyset with for cond {}.
func (s *Store) pages(ctx context.Context) {
	var last int64
	for {
		rows, err := s.db.QueryContext(ctx, "SELECT id FROM users WHERE id > $1 ORDER BY id LIMIT 500", last)
		if err != nil {
			return
		}
		n := 0
		for rows.Next() {
			rows.Scan(&last)
			n++
		}
		rows.Close()
		if n == 0 {
			return
		}
	}
}

func (s *Store) keyset(ctx context.Context) {
	more := true
	var last int64
	for more {
		var ids []int64
		s.dbx.SelectContext(ctx, &ids, "SELECT id FROM users WHERE id > $1 ORDER BY id LIMIT 500", last)
		more = len(ids) == 500
		if more {
			last = ids[len(ids)-1]
		}
	}
}

// A goroutine or errgroup.Go per element is one round trip per element.
func (s *Store) goroutines(ctx context.Context, ids []int64) {
	for _, id := range ids {
		go func() {
			s.GetUser(ctx, id) // want `once per element of ids`
		}()
	}
}

func (s *Store) group(ctx context.Context, ids []int64) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, id := range ids {
		g.Go(func() error {
			_, err := s.GetUser(ctx, id) // want `once per element of ids`
			return err
		})
	}
	return g.Wait()
}

// Look-alike: a closure built in the loop but not run there.
func (s *Store) deferred(ctx context.Context, ids []int64) []func() {
	var fs []func()
	for _, id := range ids {
		fs = append(fs, func() { s.GetUser(ctx, id) })
	}
	return fs
}

// Helpers that run a closure once per element.
func (s *Store) mapped(ctx context.Context, ids []int64) ([]User, error) {
	return helpers.MapWithErr(ids, func(id int64) (User, error) {
		return s.GetUser(ctx, id) // want `once per element of ids \(helpers.MapWithErr calls it per element\)`
	})
}

func (s *Store) load(id int64) (User, error) { return s.GetUser(context.Background(), id) }

func (s *Store) mappedMethod(ids []int64) ([]User, error) {
	return helpers.MapWithErr(ids, s.load) // want `N\+1: a.\(\*Store\).load runs \(\*sql.DB\).QueryRowContext once per element of ids`
}

// Look-alike: a helper that runs its closure once.
func (s *Store) once(ctx context.Context) error {
	return helpers.WithTx(func() error {
		_, err := s.GetUser(ctx, 1)
		return err
	})
}

// Nested loops: the inner loop's element, once.
func (s *Store) nested(ctx context.Context, groups [][]int64) {
	for _, g := range groups {
		for _, id := range g {
			s.GetUser(ctx, id) // want `once per element of g \(loop`
		}
	}
}

// Writes are warnings with the bulk alternatives.
func (s *Store) writes(ctx context.Context, users []User) {
	for _, u := range users {
		s.db.ExecContext(ctx, "INSERT INTO users (id, name) VALUES ($1, $2)", u.ID, u.Name) // want `N\+1 write: \(\*sql.DB\).ExecContext runs once per element of users .*UNNEST`
	}
}

// pgx: a batch is one round trip.
func (s *Store) batch(ctx context.Context, users []User) error {
	b := &pgx.Batch{}
	for _, u := range users {
		b.Queue("INSERT INTO users (id, name) VALUES ($1, $2)", u.ID, u.Name)
	}
	return s.pool.SendBatch(ctx, b).Close()
}

func (s *Store) batchPerElement(ctx context.Context, users []User) {
	for _, u := range users {
		b := &pgx.Batch{}
		b.Queue("SELECT 1", u.ID)
		s.pool.SendBatch(ctx, b).Close() // want `N\+1: \(\*pgxpool.Pool\).SendBatch runs once per element of users`
	}
}

// gorm: terminal methods query; Preload does it in one.
func (s *Store) gormLoop(ids []int64) {
	for _, id := range ids {
		var u User
		s.gdb.Where("id = ?", id).First(&u) // want `N\+1: \(\*gorm.DB\).First runs once per element of ids`
	}
}

func (s *Store) gormPreload() []User {
	var users []User
	s.gdb.Preload("Orders").Limit(50).Find(&users)
	return users
}

// sqlx prepared statement per element (shiori's GetBookmarks).
func (s *Store) stmtLoop(ctx context.Context, ids []int64) error {
	stmt, err := s.dbx.PreparexContext(ctx, "SELECT name FROM tags WHERE bookmark_id = ?")
	if err != nil {
		return err
	}
	for _, id := range ids {
		var tags []string
		stmt.Select(&tags, id) // want `N\+1: \(\*sqlx.Stmt\).Select runs once per element of ids`
	}
	return nil
}
