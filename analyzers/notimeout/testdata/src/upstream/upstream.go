// Package upstream sends requests through http.DefaultClient, bounded
// only by the contexts its callers pass: its functions say so in facts,
// and the callers are judged (packages deadline and deadlinemw).
package upstream

import (
	"context"
	"net/http"
	"time"
)

type key struct{}

// Fetch is bounded only by ctx. Silent here: the caller decides.
func Fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// Tagged derives its context from ctx without a deadline.
func Tagged(ctx context.Context, url string) (*http.Response, error) {
	ctx = context.WithValue(ctx, key{}, "tag")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// Wrap passes its context on: its callers decide too.
func Wrap(ctx context.Context, url string) error {
	_, err := Fetch(ctx, url)
	return err
}

// Bounded adds a deadline of its own: no caller is reported.
func Bounded(ctx context.Context, url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// Client sends through a client its constructor sets up (with a
// Timeout, where that literal is checked): not DefaultClient.
type Client struct{ HTTP *http.Client }

func New() *Client { return &Client{HTTP: &http.Client{Timeout: 10 * time.Second}} }

func (c *Client) Get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.HTTP.Do(req)
}
