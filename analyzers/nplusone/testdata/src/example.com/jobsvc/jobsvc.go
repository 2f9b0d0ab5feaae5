// Package jobsvc holds its store behind an interface it declares, whose
// implementation is in a package it imports: go vet sees it there, as the
// apilint command sees it in the whole program.
package jobsvc

import (
	"context"
	"database/sql"

	"example.com/jobsvc/sqlstore"
)

type JobStore interface {
	ClientOf(ctx context.Context, jobID int64) (int64, error)
}

type Service struct{ store JobStore }

func New(db *sql.DB) *Service { return &Service{store: sqlstore.New(db)} }

func (s *Service) Clients(ctx context.Context, jobIDs []int64) []int64 {
	var out []int64
	for _, id := range jobIDs {
		c, _ := s.store.ClientOf(ctx, id) // want `N\+1: sqlstore.\(\*Provider\).ClientOf runs \(\*sql.DB\).QueryRowContext once per element of jobIDs`
		out = append(out, c)
	}
	return out
}
