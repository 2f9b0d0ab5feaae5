package client

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Package-level helpers send through http.DefaultClient.

func fetch(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends through http.DefaultClient, which has no timeout`
}

func others(u string) {
	http.Head(u)                         // want `http.Head sends through http.DefaultClient`
	http.Post(u, "text/plain", nil)      // want `http.Post sends through http.DefaultClient`
	http.PostForm(u, url.Values{})       // want `http.PostForm sends through http.DefaultClient`
	http.DefaultClient.Get(u)            // want `http.DefaultClient.Get has no timeout`
	http.DefaultClient.Post(u, "x", nil) // want `http.DefaultClient.Post has no timeout`
	http.DefaultClient.PostForm(u, nil)  // want `http.DefaultClient.PostForm has no timeout`
	http.DefaultClient.Head(u)           // want `http.DefaultClient.Head has no timeout`
	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req) // want `http.DefaultClient.Do has no timeout and the request's context has no deadline`
}

// Look-alike: a request whose context has a deadline is bounded even on
// the default client.
func withDeadline(u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Look-alike: WithDeadline wrapped by WithValue, attached with WithContext.
func withDeadlineWrapped(u string) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	ctx = context.WithValue(ctx, "k", "v")
	req, _ := http.NewRequest("GET", u, nil)
	req = req.WithContext(ctx)
	http.DefaultClient.Do(req)
}

// Look-alike: the caller's context decides the deadline.
func withCallerContext(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
}

// A context with no deadline does not bound the request.
func withBackground(u string) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	http.DefaultClient.Do(req) // want `http.DefaultClient.Do has no timeout`
}

// Clients built without a Timeout.

var shared = &http.Client{} // want `http.Client has no Timeout: a slow or hung upstream`

var configured = &http.Client{Timeout: 5 * time.Second}

var later = &http.Client{}

func init() {
	later.Timeout = 3 * time.Second
}

func NewClient() *http.Client {
	return &http.Client{} // want `NewClient returns an http.Client with no Timeout`
}

func NewClientVar() *http.Client {
	c := &http.Client{Transport: http.DefaultTransport} // want `NewClientVar returns an http.Client with no Timeout`
	return c
}

func NewClientNew() *http.Client {
	c := new(http.Client) // want `NewClientNew returns an http.Client with no Timeout`
	return c
}

// Look-alike: the timeout is set on the next line.
func NewClientSetAfter() *http.Client {
	c := &http.Client{}
	c.Timeout = 10 * time.Second
	return c
}

// Look-alike: the timeout is in the literal, even if it is a variable.
func NewClientFromConfig(d time.Duration) *http.Client {
	return &http.Client{Timeout: d}
}

// Look-alike: a streaming client bounds the wait for headers instead.
func NewStreamingClient() *http.Client {
	return &http.Client{Transport: &http.Transport{ResponseHeaderTimeout: 10 * time.Second}}
}

// Look-alike: a cloned transport whose header wait the function bounds
// (logchef's VictoriaLogs provider, which streams live tails).
func NewTailClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.ResponseHeaderTimeout = 30 * time.Second
	return &http.Client{Transport: transport}
}

// The same clone with no header wait set is reported.
func NewCloneClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConns = 10
	return &http.Client{Transport: transport} // want `NewCloneClient returns an http.Client with no Timeout`
}

type service struct {
	client *http.Client
}

func newService() *service {
	return &service{client: &http.Client{}} // want `newService returns an http.Client with no Timeout`
}

func newServiceSetAfter() *service {
	s := &service{}
	s.client = &http.Client{}
	s.client.Timeout = time.Second
	return s
}

func zero(u string) {
	var c http.Client // want `http.Client has no Timeout`
	c.Get(u)
}

func zeroSetAfter(u string) {
	var c http.Client
	c.Timeout = time.Second
	c.Get(u)
}

// Look-alike: a local client only used for requests with deadlines.
func localBounded(u string) {
	client := &http.Client{}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := client.Do(req)
	if err == nil {
		io.Copy(io.Discard, resp.Body)
	}
}

// Look-alike: the client is chosen in a branch (a unix socket's transport)
// and only sends a request with the caller's context, which the caller
// bounds.
func localChosen(ctx context.Context, u string, socket bool) {
	client := http.DefaultClient
	if socket {
		client = &http.Client{Transport: http.DefaultTransport}
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := client.Do(req)
	if err == nil {
		io.Copy(io.Discard, resp.Body)
	}
}

// Look-alike: the client's idle connections are closed when the function
// returns, and its one request carries a deadline.
func localClosed(u string) {
	client := http.Client{}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, _ := http.NewRequest(http.MethodGet, u, http.NoBody)
	resp, err := client.Do(req.WithContext(ctx))
	if err == nil {
		io.Copy(io.Discard, resp.Body)
	}
}

// A local client that also sends an unbounded request is reported.
func localMixed(u string) {
	client := &http.Client{} // want `http.Client has no Timeout`
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	client.Do(req)
	client.Get(u) // want `Client.Get takes no context but ctx is in scope`
}

// Look-alike: a method on a user type named Get is not http.Get.
type cache struct{}

func (cache) Get(key string) string { return key }

func lookAlike() string {
	var http cache
	return http.Get("k")
}

// Look-alike: a default for a nil argument that no call passes.
type api struct{ hc *http.Client }

func newAPI(hc *http.Client) *api {
	if hc == nil {
		hc = &http.Client{}
	}
	return &api{hc: hc}
}

func useAPI() *api { return newAPI(&http.Client{Timeout: time.Second}) }

// The same default, reached with nil.
func newAPIDefault(hc *http.Client) *api {
	if hc == nil {
		hc = &http.Client{} // want `returns an http.Client with no Timeout`
	}
	return &api{hc: hc}
}

func useAPIDefault() *api { return newAPIDefault(nil) }

// A test double's constructor, kept outside a _test.go file: test code.
func NewTestClient() *http.Client {
	return &http.Client{}
}

// Look-alike: "Testament" is no test.
func NewTestamentClient() *http.Client {
	return &http.Client{} // want `NewTestamentClient returns an http.Client with no Timeout`
}
