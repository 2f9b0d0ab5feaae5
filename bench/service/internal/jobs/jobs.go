// Package jobs runs the service's background work.
package jobs

import (
	"context"
	"log/slog"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"example.com/benchservice/internal/cache"
	"example.com/benchservice/internal/domain"
)

// Runner runs periodic jobs.
type Runner struct {
	Store domain.Store
	Cache *cache.Cache
	Log   *slog.Logger
}

// Expire marks stale orders expired, a few at a time.
func (r *Runner) Expire(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	orders, err := r.Store.AllOrders(ctx)
	if err != nil {
		return err
	}
	sem := semaphore.NewWeighted(4)
	g, ctx := errgroup.WithContext(ctx)
	for _, o := range orders {
		if o.Status != "new" || time.Since(o.CreatedAt) < 24*time.Hour {
			continue
		}
		if err := sem.Acquire(ctx, 1); err != nil {
			return err
		}
		g.Go(func() error {
			defer sem.Release(1)
			return r.Store.SetStatus(ctx, o.ID, "expired")
		})
	}
	return g.Wait()
}

// Warm fills the cache with recent users.
func (r *Runner) Warm(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		u, err := r.Store.GetUser(ctx, id)
		if err != nil {
			r.Log.Warn("warming", "id", id, "err", err)
			continue
		}
		if err := r.Cache.PutUser(ctx, u); err != nil {
			return err
		}
	}
	return nil
}
