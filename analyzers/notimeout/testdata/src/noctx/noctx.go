package noctx

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"time"
)

var api = &http.Client{Timeout: 10 * time.Second}

// A client with a Timeout is bounded, but a context in scope cannot
// cancel its Get, Head, Post or PostForm.

func profile(ctx context.Context, u string) (*http.Response, error) {
	return api.Get(u) // want `Client.Get takes no context but ctx is in scope.*http.NewRequestWithContext\(ctx, http.MethodGet`
}

func handler(w http.ResponseWriter, r *http.Request) {
	resp, err := api.PostForm("https://example.com/hook", url.Values{}) // want `Client.PostForm takes no context but r is in scope.*http.NewRequestWithContext\(r.Context\(\), http.MethodPost`
	if err == nil {
		resp.Body.Close()
	}
}

func resolve(ctx context.Context, host string) ([]string, error) {
	return net.LookupHost(host) // want `net.LookupHost takes no context but ctx is in scope`
}

func resolveIP(ctx context.Context, host string) ([]net.IP, error) {
	return net.LookupIP(host) // want `net.LookupIP takes no context`
}

func secure(ctx context.Context, addr string) (*tls.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{}) // want `tls.Dial has no timeout.*DialContext\(ctx, \.\.\.\)`
}

func secureNoCtx(addr string) (*tls.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{}) // want `tls.Dial has no timeout.*tls.DialWithDialer`
}

// Look-alikes: no context in scope, the context-taking forms, a
// goroutine that outlives the caller's context.

func profileNoCtx(u string) (*http.Response, error) {
	return api.Get(u)
}

func profileWithCtx(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return api.Do(req)
}

func resolveNoCtx(host string) ([]string, error) {
	return net.LookupHost(host)
}

func resolveWithCtx(ctx context.Context, host string) ([]string, error) {
	return net.DefaultResolver.LookupHost(ctx, host)
}

func background(ctx context.Context, u string) {
	go func() {
		resp, err := api.Get(u)
		if err == nil {
			resp.Body.Close()
		}
	}()
}

func secureDialer(ctx context.Context, addr string) (net.Conn, error) {
	d := &tls.Dialer{NetDialer: &net.Dialer{Timeout: 5 * time.Second}}
	return d.DialContext(ctx, "tcp", addr)
}

func secureWithDialer(addr string) (*tls.Conn, error) {
	return tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, &tls.Config{})
}

// Look-alike: a request built to hand to a handler in the process is never
// sent: there is nothing to cancel.
func replay(ctx context.Context, next http.Handler, w http.ResponseWriter, path string) {
	req, _ := http.NewRequest(http.MethodGet, path, nil)
	next.ServeHTTP(w, req)
}

// Look-alike: the only context in scope is detached (context.WithoutCancel):
// it can neither cancel the request nor give it a deadline.
func notify(u string) {
	bg := context.WithoutCancel(context.Background())
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	api.Do(req)
	_ = bg
}

// Look-alike: the request is handed, with a context, to a client that
// attaches it as it sends (Prometheus' API client: Do(ctx, req)).
type apiClient interface {
	Do(ctx context.Context, req *http.Request) (*http.Response, []byte, error)
}

func query(ctx context.Context, c apiClient, u string) {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	c.Do(ctx, req)
}

// Look-alike: a UDP "dial" sends nothing; it picks a route.
func outboundIP() (net.Conn, error) {
	return net.Dial("udp", "8.8.8.8:80")
}

// Look-alike: sent only through the package's client, whose literal sets
// a Timeout and which nothing reassigns (discuit's ProxyRequest).
func proxy(w http.ResponseWriter, r *http.Request, u string) {
	req, err := http.NewRequest(r.Method, u, r.Body)
	if err != nil {
		return
	}
	if resp, err := api.Do(req); err == nil {
		resp.Body.Close()
	}
}

// The same through a package-level client that something reassigns to
// one with no Timeout.
var loose = &http.Client{Timeout: 10 * time.Second}

func SetClient(c *http.Client) { loose = c }

func proxyLoose(w http.ResponseWriter, r *http.Request, u string) {
	req, err := http.NewRequest(r.Method, u, r.Body) // want `http.NewRequest takes no context but r is in scope`
	if err != nil {
		return
	}
	if resp, err := loose.Do(req); err == nil {
		resp.Body.Close()
	}
}

// Look-alike: sent only through a client whose literal sets a Timeout.
func probe(ctx context.Context, u string) error {
	client := &http.Client{Timeout: 10 * time.Second}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	_, err = client.Do(req)
	return err
}
