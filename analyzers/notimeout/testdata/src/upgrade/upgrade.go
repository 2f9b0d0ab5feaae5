// Package upgrade: after a WebSocket upgrade the server no longer reads
// the connection, so the request's context does not end when the client
// goes away; passing it on would bound nothing.
package upgrade

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/gorilla/websocket"
)

type Store struct{ db *sql.DB }

// No context in scope.
func (s *Store) Join(room string) error {
	_, err := s.db.Exec("INSERT INTO members (room) VALUES ($1)", room)
	return err
}

func (s *Store) Room(ctx context.Context, id string) error {
	_, err := s.db.QueryContext(ctx, "SELECT name FROM rooms WHERE id = $1", id)
	return err
}

type Server struct {
	store    *Store
	upgrader websocket.Upgrader
}

// Before the upgrade the request is still an HTTP request.
func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	s.store.Room(context.Background(), r.URL.Query().Get("room")) // want `context.Background\(\) passed to upgrade.\(\*Store\).Room, which reaches \(\*sql.DB\).QueryContext, inside request handler Server.join drops the request's context`
	s.store.Join("lobby")                                         // want `request handler Server.join runs \(\*sql.DB\).Exec`
	conn, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	// Look-alikes: the same calls once the connection is a WebSocket.
	s.store.Room(context.Background(), "lobby")
	s.store.Join("lobby")
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			return
		}
	}
}

// Connection is a hub's wrapper of an upgraded connection.
type Connection struct {
	Ws   *websocket.Conn
	Room string
}

// Hub upgrades the request and then calls auth with the connection.
type Hub struct{ upgrader websocket.Upgrader }

func (h *Hub) Handler(auth func(w http.ResponseWriter, r *http.Request, c *Connection) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ws, err := h.upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		auth(w, r, &Connection{Ws: ws})
	}
}

// Look-alike: the hub hands this handler the upgraded connection.
func (s *Server) serveRoom(h *Hub) http.HandlerFunc {
	return h.Handler(func(w http.ResponseWriter, r *http.Request, c *Connection) error {
		s.store.Join(c.Room)
		return s.store.Room(context.Background(), c.Room)
	})
}

// The same shape without a connection: an HTTP request.
func (s *Server) serveRoomPlain() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.store.Room(context.TODO(), "lobby") // want `context.TODO\(\) passed to upgrade.\(\*Store\).Room`
	}
}

func Routes(mux *http.ServeMux, s *Server, h *Hub) {
	mux.HandleFunc("/join", s.join)
	mux.Handle("/rooms", s.serveRoom(h))
	mux.Handle("/plain", s.serveRoomPlain())
}
