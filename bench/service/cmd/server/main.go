// Command server runs the orders service: a public API (chi), a
// storefront API (gin), an admin API (echo) and background jobs.
package main

import (
	"context"
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"golang.org/x/sync/errgroup"

	"example.com/benchservice/internal/api/chiapi"
	"example.com/benchservice/internal/api/echoapi"
	"example.com/benchservice/internal/api/ginapi"
	"example.com/benchservice/internal/cache"
	"example.com/benchservice/internal/domain"
	"example.com/benchservice/internal/jobs"
	"example.com/benchservice/internal/store/gormstore"
	"example.com/benchservice/internal/store/pgstore"
)

func main() {
	ctx := context.Background()
	var store domain.Store
	if dsn := os.Getenv("GORM_DSN"); dsn != "" {
		s, err := gormstore.Open(dsn)
		if err != nil {
			log.Fatal(err)
		}
		store = s
	} else {
		s, err := pgstore.Open(ctx, os.Getenv("DATABASE_URL"))
		if err != nil {
			log.Fatal(err)
		}
		store = s
	}
	g, ctx := errgroup.WithContext(ctx)

	engine := gin.New()
	(&ginapi.Server{Store: store}).Routes(engine)
	e := echo.New()
	(&echoapi.Admin{Store: store}).Register(e)
	api := (&chiapi.API{Store: store}).Router()

	for _, srv := range []*http.Server{
		{Addr: ":8080", Handler: engine, ReadHeaderTimeout: 5 * time.Second},
		{Addr: ":8081", Handler: e, ReadHeaderTimeout: 5 * time.Second},
		{Addr: ":8082", Handler: api, ReadHeaderTimeout: 5 * time.Second},
	} {
		g.Go(srv.ListenAndServe)
	}
	r := &jobs.Runner{Store: store, Cache: cache.New(os.Getenv("REDIS_ADDR")), Log: slog.Default()}
	g.Go(func() error {
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				if err := r.Expire(ctx); err != nil {
					slog.Error("expire", "err", err)
				}
			}
		}
	})
	log.Fatal(g.Wait())
}
