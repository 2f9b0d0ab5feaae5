package dbctx

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
)

type User struct{ ID, Name string }

type Store struct {
	db  *sql.DB
	dbx *sqlx.DB
}

func (s *Store) Get(ctx context.Context, id string) (User, error) {
	var u User
	err := s.db.QueryRow("SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name) // want `\(\*sql.DB\).QueryRow takes no context but ctx is in scope`
	return u, err
}

func (s *Store) List(ctx context.Context) (*sql.Rows, error) {
	return s.db.Query("SELECT id FROM users LIMIT 10") // want `\(\*sql.DB\).Query takes no context but ctx is in scope: .* call QueryContext\(ctx, \.\.\.\)`
}

func (s *Store) Delete(ctx context.Context, id string) error {
	_, err := s.db.Exec("DELETE FROM users WHERE id = $1", id) // want `\(\*sql.DB\).Exec takes no context`
	return err
}

func (s *Store) Tx(ctx context.Context) error {
	tx, err := s.db.Begin() // want `\(\*sql.DB\).Begin takes no context`
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE users SET name = ''"); err != nil { // want `\(\*sql.Tx\).Exec takes no context`
		return err
	}
	return tx.Commit()
}

func (s *Store) Ping(ctx context.Context) error {
	return s.db.Ping() // want `\(\*sql.DB\).Ping takes no context`
}

func (s *Store) Prepared(ctx context.Context) error {
	stmt, err := s.db.Prepare("SELECT 1") // want `\(\*sql.DB\).Prepare takes no context`
	if err != nil {
		return err
	}
	_, err = stmt.Exec() // want `\(\*sql.Stmt\).Exec takes no context`
	return err
}

// sqlx, through its own methods and those it promotes from *sql.DB.
func (s *Store) GetX(ctx context.Context, id string) (User, error) {
	var u User
	err := s.dbx.Get(&u, "SELECT * FROM users WHERE id = $1", id) // want `\(\*sqlx.DB\).Get takes no context`
	return u, err
}

func (s *Store) SelectX(ctx context.Context) ([]User, error) {
	var us []User
	err := s.dbx.Select(&us, "SELECT * FROM users LIMIT 50") // want `\(\*sqlx.DB\).Select takes no context`
	return us, err
}

func (s *Store) QueryX(ctx context.Context) (*sql.Rows, error) {
	return s.dbx.Query("SELECT 1") // want `\(\*sql.DB\).Query takes no context`
}

func (s *Store) NamedX(ctx context.Context, u User) error {
	_, err := s.dbx.NamedExec("INSERT INTO users (id) VALUES (:id)", u) // want `\(\*sqlx.DB\).NamedExec takes no context`
	return err
}

func (s *Store) PkgFuncX(ctx context.Context, id string) (User, error) {
	var u User
	err := sqlx.Get(s.dbx, &u, "SELECT * FROM users WHERE id = $1", id) // want `sqlx.Get takes no context`
	return u, err
}

// Look-alikes: calls that already take the context.
func (s *Store) Good(ctx context.Context, id string) (User, error) {
	var u User
	if err := s.dbx.GetContext(ctx, &u, "SELECT * FROM users WHERE id = $1", id); err != nil {
		return u, err
	}
	_, err := s.db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", id)
	return u, err
}

// Look-alike: no context in scope; a note, reported only with -notimeout.all.
func (s *Store) Migrate() error {
	_, err := s.db.Exec("CREATE TABLE users (id text)")
	return err
}

// The request carries the context in handlers of every framework.

func (s *Store) handler(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.Query("SELECT id FROM users LIMIT 10") // want `takes no context but r is in scope: .*QueryContext\(r.Context\(\), \.\.\.\)`
	if err == nil {
		rows.Close()
	}
	req, _ := http.NewRequest("GET", "http://upstream/", nil) // want `http.NewRequest takes no context but r is in scope`
	_ = req
}

func (s *Store) ginHandler(c *gin.Context) {
	s.db.Exec("UPDATE counters SET n = n + 1") // want `QueryContext|ExecContext\(c.Request.Context\(\), \.\.\.\)`
}

func (s *Store) echoHandler(c echo.Context) error {
	_, err := s.db.Exec("UPDATE counters SET n = n + 1") // want `ExecContext\(c.Request\(\).Context\(\), \.\.\.\)`
	return err
}

// fiber's context does not end when the client goes away, but a deadline
// that a middleware sets on it still reaches the call.
func (s *Store) fiberHandler(c *fiber.Ctx) error {
	_, err := s.db.Exec("UPDATE counters SET n = n + 1") // want `ExecContext\(c.UserContext\(\), \.\.\.\)`
	return err
}

// Look-alike: an outbound request from a fiber handler. Its client's
// Timeout bounds it; fiber's context would add nothing.
func (s *Store) fiberProxy(c *fiber.Ctx) error {
	req, err := http.NewRequest("GET", "http://upstream/"+c.Query("id"), nil)
	if err != nil {
		return err
	}
	_ = req
	return nil
}

// Look-alike: inside a goroutine the request's context is not in scope
// (it ends with the request); the call is a note at most.
func (s *Store) detached(w http.ResponseWriter, r *http.Request) {
	go func() {
		s.db.Exec("INSERT INTO audit (what) VALUES ('x')")
	}()
}

// Look-alike: a schema set-up function (source.SetupCode) runs once at
// start-up.
func createTables(ctx context.Context, db *sql.DB) error {
	_, err := db.Exec("CREATE TABLE IF NOT EXISTS users (id integer primary key, name text)")
	return err
}

// Look-alike: the only context in scope is context.Background() itself:
// passing it would add neither cancellation nor a deadline.
func (s *Store) Store(u User) error {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.Exec("INSERT INTO users (id) VALUES ($1)", u.ID); err != nil {
		return err
	}
	return tx.Commit()
}

// Positive: a cancellable context made from it is worth passing.
func (s *Store) StoreCancellable(u User) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := s.db.Exec("INSERT INTO users (id) VALUES ($1)", u.ID) // want `\(\*sql.DB\).Exec takes no context but ctx is in scope`
	_ = ctx
	return err
}

// Look-alike: a request built only to redirect with is never sent.
func redirectHome(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("GET", "/", nil)
	http.Redirect(w, req, "/home", http.StatusFound)
}

// Look-alike: Tx.Stmt binds a statement prepared once to the
// transaction's connection; the execution takes the context.
func (s *Store) renameInTx(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt, id int64) error {
	_, err := tx.Stmt(stmt).ExecContext(ctx, "renamed", id)
	return err
}

// Preparing on the pool still waits for a connection.
func (s *Store) prepareRename(ctx context.Context) (*sql.Stmt, error) {
	return s.db.Prepare("UPDATE users SET name = $1 WHERE id = $2") // want `\(\*sql.DB\).Prepare takes no context but ctx is in scope`
}
