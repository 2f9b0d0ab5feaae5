// Package libclient holds clients that libraries build: they have no
// timeout unless the caller sets one, or hands the library a client that
// has one.
package libclient

import (
	"context"
	"net/http"
	"time"

	cleanhttp "github.com/hashicorp/go-cleanhttp"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

func OAuth(ctx context.Context, tok *oauth2.Token) *http.Client {
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `oauth2.NewClient returns an http.Client with no Timeout`
}

func OAuthConfig(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token) *http.Client {
	return conf.Client(ctx, tok) // want `oauth2.Config.Client returns an http.Client with no Timeout`
}

func Credentials(ctx context.Context, conf *clientcredentials.Config) *http.Client {
	return conf.Client(ctx) // want `clientcredentials.Config.Client returns an http.Client with no Timeout`
}

func Pooled() *http.Client {
	return cleanhttp.DefaultPooledClient() // want `cleanhttp.DefaultPooledClient returns an http.Client with no Timeout`
}

// The context hands oauth2 a client with a timeout: its settings apply.
func OAuthWithClient(ctx context.Context, tok *oauth2.Token) *http.Client {
	ctx = context.WithValue(ctx, oauth2.HTTPClient, &http.Client{Timeout: 10 * time.Second})
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
}

func OAuthWithClientInline(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token) *http.Client {
	base := &http.Client{Timeout: 5 * time.Second}
	return conf.Client(context.WithValue(ctx, oauth2.HTTPClient, base), tok)
}

// A timeout set on the next line.
func CleanWithTimeout() *http.Client {
	c := cleanhttp.DefaultClient()
	c.Timeout = 30 * time.Second
	return c
}
