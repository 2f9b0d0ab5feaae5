// Package callers: a database call with no context in a function that has
// none is reported where a request handler reaches it.
package callers

import (
	"context"
	"database/sql"
	"net/http"
	"os/exec"
	"sync"
	"time"
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

var (
	once sync.Once
	conn *sql.DB
)

// Connects and pings once per process: the first caller pays for it.
func connection() *sql.DB {
	once.Do(func() {
		conn, _ = sql.Open("postgres", "")
		conn.Ping()
	})
	return conn
}

// Pings on every call.
func connectionChecked() *sql.DB {
	conn.Ping()
	return conn
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	connection()
}

func (s *Server) statusChecked(w http.ResponseWriter, r *http.Request) {
	connectionChecked() // want `request handler Server.statusChecked runs \(\*sql.DB\).Ping \(callers.go:\d+\), reached through callers.connectionChecked, with no context`
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

// A command stored and then run without a timeout of its own: reported.
func (s *Server) thumbnail(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cmd := exec.Command("convert", "in.png", "thumb.png") // want `exec.Command takes no context but ctx is in scope`
	runQuietly(cmd, "thumb")
	_ = ctx
}

func runQuietly(cmd *exec.Cmd, name string) error { return cmd.Run() }

// Look-alike: the command is handed, with a time.Duration, to a helper
// that runs it under that timeout.
func (s *Server) sandboxed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cmd := exec.Command("python3", "script.py")
	runTimeout(cmd, 10*time.Second)
	_ = ctx
}

func runTimeout(cmd *exec.Cmd, d time.Duration) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		return cmd.Process.Kill()
	}
}

// Look-alike: the function kills the command from a timer itself.
func (s *Server) killedByTimer(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cmd := exec.Command("ffmpeg", "-i", "in.mp4", "out.webm")
	t := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer t.Stop()
	cmd.Run()
	_ = ctx
}
