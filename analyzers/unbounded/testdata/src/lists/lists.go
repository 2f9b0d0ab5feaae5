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
	if err != nil {
		return
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id, total int64
		rows.Scan(&id, &total)
		out = append(out, id)
	}
	json.NewEncoder(w).Encode(out)
}

// Through a store whose helper receives the SQL text.
type Store struct{ db *sql.DB }

type Order struct{ ID, UserID int64 }

func (s *Store) ListOrders(ctx context.Context) ([]Order, error) {
	return s.query(ctx, "SELECT id, user_id FROM orders")
}

func (s *Store) RecentOrders(ctx context.Context, limit int) ([]Order, error) {
	return s.query(ctx, "SELECT id, user_id FROM orders ORDER BY id DESC LIMIT $1", limit)
}

// PlanFile reads one stored blob: a []byte is one value, not rows.
func (s *Store) PlanFile(ctx context.Context, runID string) ([]byte, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT plan FROM plans WHERE run_id = $1", runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var plan []byte
	for rows.Next() {
		rows.Scan(&plan)
	}
	return plan, nil
}

// PageOrders bounds the page size itself: out of range, it is 10.
func (s *Store) PageOrders(ctx context.Context, page, size int) ([]Order, error) {
	if size < 1 || size > 100 {
		size = 10
	}
	return s.query(ctx, "SELECT id, user_id FROM orders ORDER BY id LIMIT $1 OFFSET $2", size, (page-1)*size)
}

func (s *Store) query(ctx context.Context, q string, args ...any) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		rows.Scan(&o.ID, &o.UserID)
		out = append(out, o)
	}
	return out, rows.Err()
}

type Server struct{ store *Store }

func (s *Server) orders(w http.ResponseWriter, r *http.Request) {
	orders, _ := s.store.ListOrders(r.Context()) // want `list endpoint Server.orders returns every row: \(\*sql.DB\).QueryContext runs "SELECT id, user_id FROM orders", which has no LIMIT \(lists.go:39\), reached through lists.\(\*Store\).ListOrders → lists.\(\*Store\).query`
	writeJSON(w, orders)
}

func writeJSON(w http.ResponseWriter, v any) { json.NewEncoder(w).Encode(v) }

// Look-alike: the rows of one entity, loaded by a helper that returns
// that entity (an entry and its enclosures).
type Entry struct {
	ID         int64
	Enclosures []Order
}

func (s *Store) GetEntry(ctx context.Context, id int64) (*Entry, error) {
	e := &Entry{ID: id}
	var err error
	e.Enclosures, err = s.query(ctx, "SELECT id, user_id FROM enclosures WHERE entry_id = $1")
	return e, err
}

func (s *Server) entry(w http.ResponseWriter, r *http.Request) {
	e, _ := s.store.GetEntry(r.Context(), 1)
	writeJSON(w, e)
}

// Look-alike: rows used as a filter set, not returned.
func (s *Server) filtered(w http.ResponseWriter, r *http.Request) {
	orders, _ := s.store.ListOrders(r.Context())
	seen := map[int64]bool{}
	for _, o := range orders {
		seen[o.UserID] = true
	}
	w.WriteHeader(http.StatusNoContent)
}

// Look-alikes: paginated, limited, aggregate and single-row reads.

func (s *Server) recent(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 {
		limit = 20
	}
	limit = min(limit, 100)
	orders, _ := s.store.RecentOrders(r.Context(), limit)
	writeJSON(w, orders)
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

// The values a column takes (the options of a filter): as many as the
// column has distinct values, not one per row. Two columns are rows.
func (a *API) statuses(w http.ResponseWriter, r *http.Request) {
	rows, _ := a.db.QueryContext(r.Context(), "SELECT DISTINCT status FROM orders UNION SELECT DISTINCT name FROM statuses")
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	json.NewEncoder(w).Encode(out)
}

func (a *API) pairs(w http.ResponseWriter, r *http.Request) {
	rows, _ := a.db.QueryContext(r.Context(), "SELECT DISTINCT user_id, status FROM orders") // want `list endpoint API.pairs returns every row`
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	json.NewEncoder(w).Encode(out)
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
	rows, _ := a.db.QueryContext(r.Context(), q) // want `list endpoint API.byStatus returns every row`
	writeJSON(w, rows)
}

// SQLite's LIMIT -1 is no limit.
func (a *API) nearby(w http.ResponseWriter, r *http.Request) {
	rows, _ := a.db.QueryContext(r.Context(), "SELECT id FROM stops ORDER BY distance LIMIT -1") // want `list endpoint API.nearby returns every row`
	writeJSON(w, rows)
}

// A page size the client chose, with no cap.
func (s *Server) uncapped(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	s.store.RecentOrders(r.Context(), limit) // want `page size not capped: limit comes from the request \(\?limit=\) and becomes the query's row limit through lists.\(\*Store\).RecentOrders in Server.uncapped`
}

// Look-alike: one plan file, written as it is.
func (s *Server) planFile(w http.ResponseWriter, r *http.Request) {
	plan, _ := s.store.PlanFile(r.Context(), r.PathValue("id"))
	w.Write(plan)
}

// Look-alike: the store's helper caps what the client chose.
func (s *Server) cappedInHelper(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	size, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	s.store.PageOrders(r.Context(), page, size)
}

// decodeQuery binds the query string into dst (a schema decoder).
func decodeQuery(dst any, r *http.Request) error { return nil }

type pageOptions struct {
	Number int `schema:"page[number]"`
	Size   int `schema:"page[size]"`
}

type listOptions struct {
	Org string `schema:"organization"`
	pageOptions
}

// Look-alike: the page options are bound from the query by the service's
// own decoder, JSON:API names included.
func (a *API) pagedByDecoder(w http.ResponseWriter, r *http.Request) {
	var opts listOptions
	decodeQuery(&opts, r)
	rows, _ := a.db.QueryContext(r.Context(), "SELECT id FROM orders ORDER BY id")
	_ = opts.Org
	writeJSON(w, rows)
}

// The real one: the same decoder, no page options.
func (a *API) filteredByDecoder(w http.ResponseWriter, r *http.Request) {
	var opts struct {
		Org string `schema:"organization"`
	}
	decodeQuery(&opts, r)
	rows, _ := a.db.QueryContext(r.Context(), "SELECT id FROM orders ORDER BY id") // want `list endpoint API.filteredByDecoder returns every row`
	_ = opts.Org
	writeJSON(w, rows)
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
	rows, _ := a.db.QueryContext(c.Request.Context(), "SELECT id FROM orders") // want `list endpoint API.ginAll returns every row`
	c.JSON(http.StatusOK, rows)
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
		rows, _ := a.db.QueryContext(r.Context(), "SELECT id FROM users") // want `list endpoint API.routes \(func literal\) returns every row`
		writeJSON(w, rows)
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

// Look-alikes: routes that return one entity, or take a write.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /orders", s.orders)
	mux.HandleFunc("GET /orders/page", s.cappedInHelper)
	mux.HandleFunc("GET /plans", s.planFile)
	mux.HandleFunc("GET /stops/{id}", s.stop)
	mux.HandleFunc("POST /orders/import", s.importOrders)
	mux.HandleFunc("POST /orders/reorder", s.reorderPost())
	mux.HandleFunc("GET /orders/every", s.ordersGet())
}

// Handler factories: the route registered with the factory's call is the
// route of the closure it returns. A POST that shows the list again after
// a write is not a list endpoint; the GET is.
func (s *Server) reorderPost() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		existing, _ := s.store.ListOrders(r.Context())
		writeJSON(w, existing)
	}
}

func (s *Server) ordersGet() http.HandlerFunc {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		all, _ := s.store.ListOrders(r.Context()) // want `list endpoint Server.ordersGet \(func literal\) returns every row`
		writeJSON(w, all)
	})
}

func (s *Server) stop(w http.ResponseWriter, r *http.Request) {
	routes, _ := s.store.ListOrders(r.Context()) // the routes of one stop
	writeJSON(w, routes)
}

func (s *Server) importOrders(w http.ResponseWriter, r *http.Request) {
	existing, _ := s.store.ListOrders(r.Context())
	writeJSON(w, existing)
}

// Look-alike: rows used to filter another query, whose result is returned.
type tripParams struct{ ServiceIDs []Order }

func (s *Store) Trips(ctx context.Context, p tripParams) ([]Order, error) {
	return s.query(ctx, "SELECT id, user_id FROM trips WHERE service_id = ANY($1) LIMIT 100")
}

func (s *Server) trips(w http.ResponseWriter, r *http.Request) {
	active, _ := s.store.ListOrders(r.Context())
	trips, _ := s.store.Trips(r.Context(), tripParams{ServiceIDs: active})
	writeJSON(w, trips)
}

// A converter between the rows and the response still returns them.
func toViews(os []Order) []int64 {
	var out []int64
	for _, o := range os {
		out = append(out, o.ID)
	}
	return out
}

func (s *Server) converted(w http.ResponseWriter, r *http.Request) {
	orders, _ := s.store.ListOrders(r.Context()) // want `list endpoint Server.converted returns every row`
	views := toViews(orders)
	writeJSON(w, views)
}

// A store method whose scope argument picks the query: "all" reads every
// row, anything else a page.
func (s *Store) Orders(ctx context.Context, offset, limit int, scope string) ([]Order, error) {
	switch scope {
	case "all":
		return s.query(ctx, "SELECT id, user_id FROM orders")
	default:
		return s.query(ctx, "SELECT id, user_id FROM orders ORDER BY id LIMIT $1 OFFSET $2", limit, offset)
	}
}

// Look-alike: the handler asks for a page ("limited"), which rules the
// "all" case out.
func (a *API) ordersPage(w http.ResponseWriter, r *http.Request) {
	s := &Store{db: a.db}
	out, _ := s.Orders(r.Context(), 0, 20, "limited")
	json.NewEncoder(w).Encode(out)
}

// The export asks for "all": every row.
func (a *API) ordersExport(w http.ResponseWriter, r *http.Request) {
	s := &Store{db: a.db}
	out, _ := s.Orders(r.Context(), 0, 0, "all") // want `list endpoint API.ordersExport returns every row`
	json.NewEncoder(w).Encode(out)
}

// The client picks the scope: "all" may come, and every row with it.
func (a *API) ordersScoped(w http.ResponseWriter, r *http.Request) {
	s := &Store{db: a.db}
	out, _ := s.Orders(r.Context(), 0, 20, r.URL.Query().Get("scope")) // want `list endpoint API.ordersScoped returns every row`
	json.NewEncoder(w).Encode(out)
}

type resolved struct {
	OrderID int64 `json:"order_id"`
}

// Look-alike: the handler reads the list only to pick the first order;
// that one id is what it returns (logchef's resolved team).
func (s *Server) firstOrder(w http.ResponseWriter, r *http.Request) {
	orders, _ := s.store.ListOrders(r.Context())
	if len(orders) == 0 {
		http.NotFound(w, r)
		return
	}
	id := orders[0].ID
	writeJSON(w, resolved{OrderID: id})
}

// The same read, returning the rows after the first.
func (s *Server) restOfOrders(w http.ResponseWriter, r *http.Request) {
	orders, _ := s.store.ListOrders(r.Context()) // want `list endpoint Server.restOfOrders returns every row`
	rest := orders[1:]
	writeJSON(w, rest)
}
