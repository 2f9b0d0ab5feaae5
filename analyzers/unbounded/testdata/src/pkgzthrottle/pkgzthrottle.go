// Package pkgzthrottle uses another go-pkgz/rest middleware, which caps
// nothing: its bodies are still reported.
package pkgzthrottle

import (
	"encoding/json"
	"net/http"

	"github.com/go-pkgz/rest"
)

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /samples", addSample)
	return rest.Throttle(100)(mux)
}

func addSample(w http.ResponseWriter, r *http.Request) {
	var v map[string]string
	json.NewDecoder(r.Body).Decode(&v) // want `reads the whole request body`
}
