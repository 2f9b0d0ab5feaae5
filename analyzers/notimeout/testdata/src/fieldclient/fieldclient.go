// Package fieldclient: a client kept in a field, whose every request the
// sending method gives a deadline (webhookx's deliverer).
package fieldclient

import (
	"context"
	"net/http"
	"time"
)

// Look-alike: Send bounds every request it makes through d.client.
type Deliverer struct {
	client  *http.Client
	timeout time.Duration
}

func NewDeliverer() *Deliverer {
	return &Deliverer{client: &http.Client{}, timeout: time.Minute}
}

func (d *Deliverer) Send(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, d.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Look-alike: the client is built in a local variable first, and its
// Transport is read later to set a proxy.
type Proxied struct {
	client *http.Client
}

func NewProxied() *Proxied {
	transport := &http.Transport{}
	client := &http.Client{Transport: transport}
	return &Proxied{client: client}
}

func (p *Proxied) SetProxy() {
	t := p.client.Transport.(*http.Transport)
	t.Proxy = nil
}

func (p *Proxied) Send(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same client sending with the caller's context as it is.
type Notifier struct {
	client *http.Client
}

func NewNotifier() *Notifier {
	return &Notifier{client: &http.Client{}} // want `NewNotifier returns an http.Client with no Timeout`
}

func (n *Notifier) Send(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := n.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
