package api

import (
	"context"

	"repo"
)

type Server struct {
	users repo.UserRepository
	notes repo.Notes
	db    repo.DB
	cfg   repo.DBConfig
}

func (s *Server) names(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.users.Get(ctx, id) // want `N\+1: repo.UserRepository.Get runs once per element of ids \(loop at api.go:\d+\) \(inferred: .*\): one round trip per element`
	}
}

// Look-alike: Notes does not match the heuristic; its implementation is
// not visible from here, so nothing is known.
func (s *Server) texts(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.notes.Text(ctx, id)
	}
}

func (s *Server) artists(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.db.GetArtist(ctx, id) // want `N\+1: repo.DB.GetArtist runs once per element of ids .*\(inferred: `
		s.cfg.DSN(ctx)
	}
}
