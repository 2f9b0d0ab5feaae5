// Package callerslitedefault is callerslite without -notimeout.all:
// silent.
package callerslitedefault

import (
	"database/sql"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

type Store struct{ db *sql.DB }

func (s *Store) Purge() error {
	_, err := s.db.Exec("DELETE FROM sessions WHERE expired")
	return err
}

type Server struct{ store *Store }

func (s *Server) purge(w http.ResponseWriter, r *http.Request) {
	s.store.Purge()
}

func Routes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("/purge", s.purge)
}
