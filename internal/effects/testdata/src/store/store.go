package store // want package:"summarised"

import (
	"context"
	"database/sql"
	"time"

	"kv"

	"github.com/jmoiron/sqlx"
)

type User struct{ ID int64 }

// Store is implemented in this package: its methods get facts that name
// the implementation.
type Store interface {
	GetUser(ctx context.Context, id int64) (User, error) // want GetUser:`db-read-one via store.\(\*PG\).GetUser → \(\*sql.DB\).QueryRowContext`
	ListUsers(ctx context.Context) ([]User, error)       // want ListUsers:`db-read-many via store.\(\*PG\).ListUsers → store.\(\*PG\).query → \(\*sql.DB\).QueryContext`
	Touch(ctx context.Context, id int64) error           // want Touch:`db-write via store.\(\*PG\).Touch → \(\*sqlx.DB\).NamedExecContext`
}

type PG struct {
	db  *sql.DB
	dbx *sqlx.DB
}

func (s *PG) GetUser(ctx context.Context, id int64) (User, error) { // want GetUser:`db-read-one via \(\*sql.DB\).QueryRowContext`
	var u User
	err := s.db.QueryRowContext(ctx, "SELECT id FROM users WHERE id = $1", id).Scan(&u.ID)
	return u, err
}

func (s *PG) ListUsers(ctx context.Context) ([]User, error) { // want ListUsers:`db-read-many via store.\(\*PG\).query`
	return s.query(ctx, "SELECT id FROM users LIMIT 10")
}

func (s *PG) query(ctx context.Context, q string) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, nil
}

func (s *PG) Touch(ctx context.Context, id int64) error { // want Touch:`db-write via \(\*sqlx.DB\).NamedExecContext`
	_, err := s.dbx.NamedExecContext(ctx, "UPDATE users SET seen = now() WHERE id = :id", map[string]any{"id": id})
	return err
}

// Pure has no effects and no fact.
func Pure(a, b int) int { return a + b }

// Async queries in a goroutine it does not wait for.
func (s *PG) Async(id int64) { // want Async:`db-write async via \(\*sql.DB\).ExecContext`
	go func() {
		s.db.ExecContext(context.Background(), "DELETE FROM sessions WHERE user_id = $1", id)
	}()
}

// Waited queries in goroutines it waits for: the effect is synchronous.
func (s *PG) Waited(ids []int64) { // want Waited:`db-write looped via \(\*sql.DB\).ExecContext`
	var wg syncWaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.db.ExecContext(context.Background(), "DELETE FROM sessions WHERE user_id = $1", id)
		}()
	}
	wg.Wait()
}

// Sleeps blocks.
func Sleeps() { time.Sleep(time.Second) } // want Sleeps:`blocking via time.Sleep`

// Create's SQL is an INSERT run with QueryRowContext: a write.
func (s *PG) Create(ctx context.Context, name string) (int64, error) { // want Create:`db-write via \(\*sql.DB\).QueryRowContext; ctx param \[0\]`
	var id int64
	err := s.db.QueryRowContext(ctx, "INSERT INTO users (name) VALUES ($1) RETURNING id", name).Scan(&id)
	return id, err
}

// queryRow runs what its callers pass, like sqlc's prepared-statement
// helper: the kind is decided at each call site. Unexported functions get
// no fact: other packages cannot call them.
func (s *PG) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, query, args...)
}

func (s *PG) CreateAgency(ctx context.Context, name string) { // want CreateAgency:`db-write via store.\(\*PG\).queryRow → \(\*sql.DB\).QueryRowContext; ctx param \[0\]`
	s.queryRow(ctx, "INSERT INTO agency (name) VALUES ($1) RETURNING id", name)
}

func (s *PG) GetAgency(ctx context.Context, id int64) { // want GetAgency:`db-read-one via store.\(\*PG\).queryRow → \(\*sql.DB\).QueryRowContext; ctx param \[0\]`
	s.queryRow(ctx, "SELECT name FROM agency WHERE id = $1", id)
}

// Setting is cache-aside through package functions named by nothing but
// their shape: looked up, returned on a hit, read, and filled under the
// same key. The read runs on a miss.
func (s *PG) Setting(ctx context.Context, name string) string { // want Setting:`db-read-one cached via \(\*sql.DB\).QueryRowContext`
	key := "setting_" + name
	if v, ok := kv.Get(key); ok {
		return v.(string)
	}
	var v string
	s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE name = $1", name).Scan(&v)
	_ = kv.Set(key, v, -1)
	return v
}

// UserID is a get-or-create of the same shape, but the lookup queries the
// database itself: no cache, the insert runs whenever the user is new.
func (s *PG) UserID(ctx context.Context, name string) int64 { // want UserID:`db-read-one via store.\(\*PG\).findUser → \(\*sql.DB\).QueryRowContext; db-write via \(\*sql.DB\).QueryRowContext`
	if id, ok := s.findUser(ctx, name); ok {
		return id
	}
	var id int64
	s.db.QueryRowContext(ctx, "INSERT INTO users(name) VALUES ($1) RETURNING id", name).Scan(&id)
	s.remember(name, id)
	return id
}

func (s *PG) findUser(ctx context.Context, name string) (int64, bool) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM users WHERE name = $1", name).Scan(&id)
	return id, err == nil
}

func (s *PG) remember(name string, id int64) {}
