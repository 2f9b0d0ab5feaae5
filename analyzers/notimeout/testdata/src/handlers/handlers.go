package handlers

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
)

type API struct {
	db   *sql.DB
	pool *pgxpool.Pool
}

func (a *API) getUser(w http.ResponseWriter, r *http.Request) {
	row := a.db.QueryRowContext(context.Background(), "SELECT name FROM users WHERE id = $1", r.URL.Query().Get("id")) // want `context.Background\(\) passed to \(\*sql.DB\).QueryRowContext inside request handler API.getUser drops the request's context.*use r.Context\(\)`
	var name string
	row.Scan(&name)
}

func (a *API) todo(w http.ResponseWriter, r *http.Request) {
	ctx := context.TODO()
	a.pool.Exec(ctx, "UPDATE users SET seen = now()") // want `context.TODO\(\) passed to \(\*pgxpool.Pool\).Exec inside request handler API.todo`
}

func (a *API) outbound(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://upstream/", nil) // want `context.Background\(\) passed to http.NewRequestWithContext`
	client := &http.Client{Timeout: time.Second}
	client.Do(req)
}

func (a *API) gin(c *gin.Context) {
	a.db.ExecContext(context.Background(), "DELETE FROM sessions") // want `use c.Request.Context\(\)`
}

func (a *API) echo(c echo.Context) error {
	_, err := a.db.ExecContext(context.Background(), "DELETE FROM sessions") // want `use c.Request\(\).Context\(\)`
	return err
}

func (a *API) literal() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a.db.ExecContext(context.Background(), "DELETE FROM sessions") // want `inside request handler func literal`
	}
}

// Look-alikes.

// fiber's context does not end with the request either, so it is no
// better than Background here.
func (a *API) fiber(c *fiber.Ctx) error {
	_, err := a.db.ExecContext(context.Background(), "DELETE FROM sessions")
	return err
}

// The request's context is used.
func (a *API) good(w http.ResponseWriter, r *http.Request) {
	a.db.ExecContext(r.Context(), "UPDATE users SET seen = now()")
}

// Work started in a goroutine must outlive the request: Background is right.
func (a *API) async(w http.ResponseWriter, r *http.Request) {
	go func() {
		a.db.ExecContext(context.Background(), "INSERT INTO audit (what) VALUES ('x')")
	}()
	w.WriteHeader(http.StatusAccepted)
}

// A deliberately detached context with its own deadline is a decision, not an accident.
func (a *API) detached(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	a.db.ExecContext(ctx, "INSERT INTO audit (what) VALUES ('x')")
}

// Not a handler: start-up code may use Background.
func (a *API) warm() {
	a.db.PingContext(context.Background())
}

// Through the program's own functions: a repository method whose context
// reaches the database.
type Queries struct{ db *sql.DB }

func (q *Queries) ListAgencies(ctx context.Context) (*sql.Rows, error) {
	return q.db.QueryContext(ctx, "SELECT id FROM agencies")
}

// Look-alike: a helper whose context reaches nothing.
func format(ctx context.Context, s string) string { return s }

type UI struct{ q *Queries }

func (u *UI) debugIndex(w http.ResponseWriter, r *http.Request) {
	ctx := context.Background()
	u.q.ListAgencies(ctx) // want `context.Background\(\) passed to handlers.\(\*Queries\).ListAgencies, which reaches \(\*sql.DB\).QueryContext, inside request handler UI.debugIndex.*use r.Context\(\)`
	format(context.Background(), "x")
}
