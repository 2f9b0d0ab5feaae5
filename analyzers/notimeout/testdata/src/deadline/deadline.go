// Package deadline calls functions whose outbound requests only their
// context bounds: a request's context or context.Background() passed to
// them is reported, with the chain; a deadline, or the caller's own
// context parameter, is not.
package deadline

import (
	"context"
	"net/http"
	"testing"
	"time"

	"upstream"
)

func proxy(w http.ResponseWriter, r *http.Request) {
	upstream.Fetch(r.Context(), "https://example.com") // want `upstream.Fetch sends an HTTP request through http.DefaultClient, which has no timeout \(upstream.Fetch → \(\*http.Client\).Do\), so only its context can bound the wait, and the request's context \(r.Context\(\)\) has no deadline: it ends only when the client goes away.*pass a context from context.WithTimeout`
	ctx := r.Context()
	upstream.Wrap(ctx, "https://example.com")   // want `upstream.Wrap sends an HTTP request .*\(upstream.Wrap → upstream.Fetch → \(\*http.Client\).Do\).*the request's context \(r.Context\(\)\)`
	upstream.Tagged(ctx, "https://example.com") // want `upstream.Tagged sends an HTTP request`

	// Look-alikes: a deadline set here or there, a client of its own.
	tctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	upstream.Fetch(tctx, "https://example.com")
	upstream.Bounded(r.Context(), "https://example.com")
	upstream.New().Get(r.Context(), "https://example.com")
}

// A job: context.Background() never ends.
func refresh() {
	upstream.Fetch(context.Background(), "https://example.com") // want `so only its context can bound the wait, and context.Background\(\) has no deadline: it never ends`
	ctx := context.TODO()
	upstream.Wrap(ctx, "https://example.com") // want `context.TODO\(\) has no deadline`
}

// Look-alike: the caller's context decides (this function gets the fact).
func relay(ctx context.Context) error {
	return upstream.Wrap(ctx, "https://example.com")
}

func job() {
	relay(context.Background()) // want `deadline.relay sends an HTTP request .*\(deadline.relay → upstream.Wrap → upstream.Fetch → \(\*http.Client\).Do\)`
}

// Look-alike: a context whose origin is unknown (a field) is left alone.
type worker struct{ ctx context.Context }

func (w *worker) run() { upstream.Fetch(w.ctx, "https://example.com") }

// Look-alike: a test helper outside a _test.go file is test code.
func startFixture(t testing.TB) {
	upstream.Fetch(context.Background(), "https://example.com")
}
