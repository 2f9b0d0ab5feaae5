// Command startupctx resets its sessions when it starts: the statements
// of start-up code, whose context can only be context.Background(), are
// not reported; the same statement on a request path is.
package main

import (
	"context"
	"database/sql"
	"net/http"
)

type Service struct{ db *sql.DB }

func main() {
	s := &Service{}
	s.Instantiate(context.Background())
	http.HandleFunc("/reset", s.handleReset)
	http.ListenAndServe("localhost:8080", nil)
}

// Look-alike: runs once, when the server starts.
func (s *Service) Instantiate(ctx context.Context) {
	s.db.Exec("UPDATE users SET active = false")
}

func (s *Service) handleReset(w http.ResponseWriter, r *http.Request) {
	s.reset(r.Context())
}

func (s *Service) reset(ctx context.Context) {
	s.db.Exec("UPDATE users SET active = false") // want `\(\*sql.DB\).Exec takes no context but ctx is in scope`
}
