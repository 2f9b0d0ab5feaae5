// Package endpoint is a stub of github.com/go-kit/kit/endpoint.
package endpoint

import "context"

type Endpoint func(ctx context.Context, request interface{}) (response interface{}, err error)

type Middleware func(Endpoint) Endpoint
