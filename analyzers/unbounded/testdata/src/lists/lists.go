package lists

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type API struct{ db *sql.DB }

// A list endpoint that reads the whole table.
func (a *API) listAll(w http.ResponseWriter, r *http.Request) {
	rows, err := a.db.QueryContext(r.Context(), "SELECT id, total FROM orders ORDER BY id") // want `list endpoint API.listAll returns every row: \(\*sql.DB\).QueryContext runs "SELECT id, total FROM orders ORDER BY id", which has no LIMIT \(lists.go:19\), and the handler reads no pagination parameter`
	if err == nil {
		rows.Close()
	}
}

// Through a store whose helper receives the SQL text.
type Store struct{ db *sql.DB }

func (s *Store) ListOrders(ctx context.Context) error {
	return s.query(ctx, "SELECT id, user_id FROM orders")
}

func (s *Store) RecentOrders(ctx context.Context, limit int) error {
	return s.query(ctx, "SELECT id, user_id FROM orders ORDER BY id DESC LIMIT $1", limit)
}

func (s *Store) query(ctx context.Context, q string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	return rows.Close()
}

type Server struct{ store *Store }

func (s *Server) orders(w http.ResponseWriter, r *http.Request) {
	s.store.ListOrders(r.Context()) // want `list endpoint Server.orders returns every row: \(\*sql.DB\).QueryContext runs "SELECT id, user_id FROM orders", which has no LIMIT \(lists.go:29\), reached through lists.\(\*Store\).ListOrders → lists.\(\*Store\).query`
}

// Look-alikes: paginated, limited, aggregate and single-row reads.

func (s *Server) recent(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 {
		limit = 20
	}
	limit = min(limit, 100)
	s.store.RecentOrders(r.Context(), limit)
}

func (a *API) top(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), "SELECT id FROM orders ORDER BY total DESC LIMIT 10")
}

func (a *API) count(w http.ResponseWriter, r *http.Request) {
	var n int
	a.db.QueryRowContext(r.Context(), "SELECT COUNT(*) FROM orders").Scan(&n)
	a.db.QueryContext(r.Context(), "SELECT count(*) FROM orders WHERE user_id = $1", 1)
	json.NewEncoder(w).Encode(n)
}

func (a *API) one(w http.ResponseWriter, r *http.Request) {
	a.db.QueryRowContext(r.Context(), "SELECT id, total FROM orders WHERE user_id = $1", 7)
	a.db.QueryContext(r.Context(), "SELECT id, total FROM orders WHERE id = $1", r.PathValue("id"))
}

// Not a handler: a nightly export may read everything.
func (a *API) export(ctx context.Context) {
	a.db.QueryContext(ctx, "SELECT * FROM orders")
}

// SQL from fmt.Sprintf with a constant format.
func (a *API) byStatus(w http.ResponseWriter, r *http.Request) {
	q := fmt.Sprintf("SELECT id FROM orders WHERE status = '%s'", "open")
	a.db.QueryContext(r.Context(), q) // want `list endpoint API.byStatus returns every row`
}

// SQLite's LIMIT -1 is no limit.
func (a *API) nearby(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), "SELECT id FROM stops ORDER BY distance LIMIT -1") // want `list endpoint API.nearby returns every row`
}

// A page size the client chose, with no cap.
func (s *Server) uncapped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	s.store.RecentOrders(r.Context(), limit) // want `page size not capped: limit comes from the request \(\?limit=\) and becomes the query's row limit through lists.\(\*Store\).RecentOrders in Server.uncapped`
}

func (a *API) uncappedDirect(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("per_page"))
	a.db.QueryContext(r.Context(), "SELECT id FROM orders LIMIT $1", n) // want `page size not capped: n comes from the request \(\?per_page=\)`
}

// Look-alike: clamped with an if.
func (a *API) cappedIf(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("per_page"))
	if n > 100 {
		n = 100
	}
	a.db.QueryContext(r.Context(), "SELECT id FROM orders LIMIT $1", n)
}

// Frameworks: pagination read through gin and echo.
func (a *API) ginList(c *gin.Context) {
	page := c.DefaultQuery("page", "1")
	a.db.QueryContext(c.Request.Context(), "SELECT id FROM orders ORDER BY id OFFSET $1", page)
}

func (a *API) ginAll(c *gin.Context) {
	a.db.QueryContext(c.Request.Context(), "SELECT id FROM orders") // want `list endpoint API.ginAll returns every row`
}

func (a *API) echoList(c echo.Context) error {
	_, err := a.db.QueryContext(c.Request().Context(), "SELECT id FROM orders WHERE id > $1", c.QueryParam("cursor"))
	return err
}

type listRequest struct {
	Cursor string `form:"cursor"`
	Limit  int    `form:"limit"`
}

// Pagination bound into a struct by its tags.
func (a *API) ginBound(c *gin.Context) {
	var req listRequest
	if err := c.ShouldBindQuery(&req); err != nil {
		return
	}
	a.db.QueryContext(c.Request.Context(), "SELECT id FROM orders WHERE id > $1", req.Cursor)
}

// A handler literal.
func (a *API) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /all", func(w http.ResponseWriter, r *http.Request) {
		a.db.QueryContext(r.Context(), "SELECT id FROM users") // want `list endpoint API.routes \(func literal\) returns every row`
	})
}

// Pagination read through the program's own helper, which takes the
// parameter's name (miniflux's request.QueryIntParam).
func queryInt(r *http.Request, name string, def int) int {
	v, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil {
		return def
	}
	return v
}

func (a *API) helperPaged(w http.ResponseWriter, r *http.Request) {
	offset := queryInt(r, "offset", 0)
	a.db.QueryContext(r.Context(), "SELECT id FROM orders ORDER BY id OFFSET $1", offset)
}

// Look-alikes: child rows of a list the caller supplies, and a lookup by
// a unique column.
func (a *API) children(w http.ResponseWriter, r *http.Request) {
	a.db.QueryContext(r.Context(), "SELECT * FROM enclosures WHERE entry_id = ANY($1)", []int64{1, 2})
	a.db.QueryContext(r.Context(), "SELECT email FROM invites WHERE token = $1", r.FormValue("t"))
}
