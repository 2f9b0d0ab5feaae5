// Package clientcredentials is a stub of golang.org/x/oauth2/clientcredentials for analyzer tests.
package clientcredentials

import (
	"context"
	"net/http"
)

type Config struct{ ClientID, ClientSecret, TokenURL string }

func (c *Config) Client(ctx context.Context) *http.Client { return &http.Client{} }
