package svc // want package:"summarised"

import (
	"context"
	"database/sql"

	"helpers"
	"sqlcgen"
	"store"
)

type Service struct {
	st store.Store
	q  *sqlcgen.Queries
	db *sql.DB
}

// Through the interface (fact from the interface's package).
func (s *Service) User(ctx context.Context, id int64) (store.User, error) { // want User:`db-read-one via store.\(\*PG\).GetUser → \(\*sql.DB\).QueryRowContext`
	return s.st.GetUser(ctx, id)
}

// Through sqlc.
func (s *Service) Author(ctx context.Context, id int64) (string, error) { // want Author:`db-read-one via sqlcgen.\(\*Queries\).GetAuthor → \(\*sql.DB\).QueryRowContext`
	return s.q.GetAuthor(ctx, id)
}

// A closure passed to a helper that runs it: its effects are the caller's.
func (s *Service) Users(ctx context.Context, ids []int64) ([]store.User, error) { // want Users:`db-read-one looped via store.\(\*PG\).GetUser → \(\*sql.DB\).QueryRowContext`
	return helpers.MapWithErr(ids, func(id int64) (store.User, error) {
		return s.st.GetUser(ctx, id)
	})
}

// A method value passed to a helper.
func (s *Service) Authors(ctx context.Context, ids []int64) error { // want Authors:`db-read-one via sqlcgen.\(\*Queries\).GetAuthor`
	return helpers.Once(func() error {
		_, err := s.q.GetAuthor(ctx, ids[0])
		return err
	})
}

// A closure that is only defined, never called here, adds nothing.
func (s *Service) Handler() func() {
	return func() { s.db.Exec("DELETE FROM x") }
}

func (s *Service) settings(ctx context.Context) string {
	var v string
	s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'mail'").Scan(&v)
	return v
}

// Notify reads the settings on every call and the owner only unless the
// kind is "status": the summary's read is unguarded, and it names the
// settings read, which happens whatever the caller passes.
func (s *Service) Notify(ctx context.Context, kind string) string { // want Notify:`db-read-one via svc.\(\*Service\).settings → \(\*sql.DB\).QueryRowContext`
	cfg := s.settings(ctx)
	if kind != "status" {
		var owner string
		s.db.QueryRowContext(ctx, "SELECT email FROM owners LIMIT 1").Scan(&owner)
		return owner
	}
	return cfg
}
