// Package kitmain registers another package's function as a go-kit
// endpoint: its findings are reported at the registration.
package kitmain

import (
	"context"
	"net/http"

	kithttp "github.com/go-kit/kit/transport/http"

	"kitsvc"
)

func decode(ctx context.Context, r *http.Request) (interface{}, error) { return nil, nil }

func encode(ctx context.Context, w http.ResponseWriter, v interface{}) error { return nil }

func Handler() http.Handler {
	return kithttp.NewServer(kitsvc.List, decode, encode) // want `request handler kitsvc.List sleeps`
}
