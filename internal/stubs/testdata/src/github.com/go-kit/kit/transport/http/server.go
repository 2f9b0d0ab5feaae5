// Package http is a stub of github.com/go-kit/kit/transport/http (v0.10;
// server.go, encode_decode.go).
package http

import (
	"context"
	"net/http"

	"github.com/go-kit/kit/endpoint"
)

type DecodeRequestFunc func(context.Context, *http.Request) (request interface{}, err error)

type EncodeResponseFunc func(context.Context, http.ResponseWriter, interface{}) error

type Server struct{}

type ServerOption func(*Server)

func NewServer(
	e endpoint.Endpoint,
	dec DecodeRequestFunc,
	enc EncodeResponseFunc,
	options ...ServerOption,
) *Server {
	return &Server{}
}

func (s Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
