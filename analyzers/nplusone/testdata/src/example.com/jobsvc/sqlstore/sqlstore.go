// Package sqlstore implements the job service's store on database/sql; the
// service declares the interface and calls this package's constructor.
package sqlstore

import (
	"context"
	"database/sql"
)

type Job struct{ ID, ClientID int64 }

type Provider struct{ db *sql.DB }

func New(db *sql.DB) *Provider { return &Provider{db: db} }

func (p *Provider) ClientOf(ctx context.Context, jobID int64) (int64, error) {
	var id int64
	err := p.db.QueryRowContext(ctx, "SELECT client_id FROM jobs WHERE id = $1", jobID).Scan(&id)
	return id, err
}
