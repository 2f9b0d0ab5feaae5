// Package assembled builds its SQL at run time, as real services do:
// clauses joined, a LIMIT appended only when the request asks for one.
package assembled

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"strings"
)

type Server struct{ DB *sql.DB }

type Item struct{ ID int64 }

// DBTX is the service's own accessor, which *sql.DB implements.
type DBTX interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func scan(rows *sql.Rows) []Item {
	var out []Item
	for rows.Next() {
		var it Item
		rows.Scan(&it.ID)
		out = append(out, it)
	}
	return out
}

// The LIMIT is added only when the request sets one: by default every
// row comes back.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := "SELECT id FROM items WHERE deleted = false"
	var args []any
	if l := r.URL.Query().Get("limit"); l != "" {
		q += " LIMIT ?"
		args = append(args, l)
	}
	rows, _ := s.DB.QueryContext(r.Context(), q, args...) // want `list endpoint Server.search returns every row: \(\*sql.DB\).QueryContext runs a many-row read \(no default limit: LIMIT is added only when the request sets one`
	json.NewEncoder(w).Encode(scan(rows))
}

// Look-alike: the LIMIT is always there.
func (s *Server) searchCapped(w http.ResponseWriter, r *http.Request) {
	q := "SELECT id FROM items WHERE deleted = false"
	if r.URL.Query().Get("mine") != "" {
		q += " AND owner = ?"
	}
	q += " LIMIT 100"
	rows, _ := s.DB.QueryContext(r.Context(), q)
	json.NewEncoder(w).Encode(scan(rows))
}

// Clauses joined at run time, no LIMIT anywhere.
func (s *Server) filter(w http.ResponseWriter, r *http.Request) {
	var conds []string
	for k := range r.URL.Query() {
		conds = append(conds, k+" = ?")
	}
	q := "SELECT id FROM items WHERE " + strings.Join(conds, " AND ")
	rows, _ := s.DB.QueryContext(r.Context(), q) // want `list endpoint Server.filter returns every row`
	json.NewEncoder(w).Encode(scan(rows))
}

// Through the service's own accessor interface.
type Handler struct{ Q DBTX }

func (h *Handler) all(w http.ResponseWriter, r *http.Request) {
	rows, _ := h.Q.QueryContext(r.Context(), "SELECT id FROM items ORDER BY id") // want `list endpoint Handler.all returns every row: \(\*sql.DB\).QueryContext runs "SELECT id FROM items ORDER BY id", which has no LIMIT`
	json.NewEncoder(w).Encode(scan(rows))
}

// Look-alike: the accessor's read has a LIMIT.
func (h *Handler) first(w http.ResponseWriter, r *http.Request) {
	rows, _ := h.Q.QueryContext(r.Context(), "SELECT id FROM items ORDER BY id LIMIT 20")
	json.NewEncoder(w).Encode(scan(rows))
}

// Forms: a POST handler parses a multipart form with no body cap; a GET
// handler's FormValue reads the query string only.
func upload(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(32 << 20) // want `request handler upload parses the request's form \(\(\*http.Request\).ParseMultipartForm at assembled.go:\d+\) with no size limit on the body`
}

func lookup(w http.ResponseWriter, r *http.Request) {
	_ = r.FormValue("q")
}

func cappedUpload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 10<<20)
	r.ParseMultipartForm(32 << 20)
}

func Routes(s *Server, h *Handler) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/search", s.search)
	mux.HandleFunc("GET /items/capped", s.searchCapped)
	mux.HandleFunc("GET /items/filter", s.filter)
	mux.HandleFunc("GET /items", h.all)
	mux.HandleFunc("GET /items/first", h.first)
	mux.HandleFunc("POST /upload", upload)
	mux.HandleFunc("GET /lookup", lookup)
	mux.HandleFunc("POST /upload2", cappedUpload)
	return mux
}
