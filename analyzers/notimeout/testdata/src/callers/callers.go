// Package callers: a database call with no context in a function that has
// none is reported where a request handler reaches it.
package callers

import (
	"context"
	"database/sql"
	"net/http"
	"os/exec"
)

type Store struct{ db *sql.DB }

// No context in scope: the call is a note at most (-notimeout.all).
func (s *Store) Purge() error {
	_, err := s.db.Exec("DELETE FROM sessions WHERE expired")
	return err
}

func (s *Store) PurgeCtx(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE expired")
	return err
}

type Server struct{ store *Store }

func (s *Server) purge(w http.ResponseWriter, r *http.Request) {
	s.store.Purge() // want `request handler Server.purge runs \(\*sql.DB\).Exec \(callers.go:\d+\), reached through callers.\(\*Store\).Purge, with no context: the request's context cannot cancel it.*take a context.Context in callers.\(\*Store\).Purge, pass the request's down, and call ExecContext`
}

// Look-alike: the helper takes the request's context.
func (s *Server) purgeCtx(w http.ResponseWriter, r *http.Request) {
	s.store.PurgeCtx(r.Context())
}

// A command with a context in scope: CommandContext stops it with the
// request.
func (s *Server) convert(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	exec.Command("convert", "in.png", "out.jpg").Run() // want `exec.Command takes no context but ctx is in scope.*call CommandContext\(ctx, \.\.\.\)`
	exec.CommandContext(ctx, "convert", "in.png", "out.jpg").Run()
}
