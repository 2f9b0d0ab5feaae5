// Package callerslite is callers on SQLite: a query with no context that a
// handler reaches is a note, reported only with -notimeout.all.
package callerslite

import (
	"database/sql"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

type Store struct{ db *sql.DB }

func (s *Store) Purge() error {
	_, err := s.db.Exec("DELETE FROM sessions WHERE expired") // want `\(\*sql.DB\).Exec takes no context.*no context is in scope`
	return err
}

type Server struct{ store *Store }

func (s *Server) purge(w http.ResponseWriter, r *http.Request) {
	s.store.Purge() // want `request handler Server.purge runs \(\*sql.DB\).Exec .*with no context \(a note: the database \(sqlite\) runs in the process\)`
}

func Routes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("/purge", s.purge)
}
