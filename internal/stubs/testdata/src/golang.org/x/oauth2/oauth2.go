// Package oauth2 is a stub of golang.org/x/oauth2 for analyzer tests.
package oauth2

import (
	"context"
	"net/http"
)

// HTTPClient is the context key whose *http.Client value NewClient takes
// its settings from.
var HTTPClient struct{}

type Token struct{ AccessToken string }

type TokenSource interface {
	Token() (*Token, error)
}

func StaticTokenSource(t *Token) TokenSource { return nil }

func NewClient(ctx context.Context, src TokenSource) *http.Client { return &http.Client{} }

type Config struct{ ClientID string }

func (c *Config) Client(ctx context.Context, t *Token) *http.Client { return NewClient(ctx, nil) }
