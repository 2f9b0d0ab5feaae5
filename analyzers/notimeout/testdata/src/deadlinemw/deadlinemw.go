// Package deadlinemw installs http.TimeoutHandler: every request's
// context has a deadline, so passing r.Context() on is silent;
// context.Background() still is not.
package deadlinemw

import (
	"context"
	"net/http"
	"time"

	"upstream"
)

func proxy(w http.ResponseWriter, r *http.Request) {
	upstream.Fetch(r.Context(), "https://example.com")
	upstream.Fetch(context.Background(), "https://example.com") // want `context.Background\(\) has no deadline`
}

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/proxy", proxy)
	return http.TimeoutHandler(mux, 10*time.Second, "timeout")
}
