// Package pkgzsvc caps every body with go-pkgz/rest's SizeLimit, wrapped
// around the whole mux (tg-spam's router.Use(rest.SizeLimit(1 << 20))).
package pkgzsvc

import (
	"encoding/json"
	"net/http"

	"github.com/go-pkgz/rest"
)

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /samples", addSample)
	return rest.Throttle(100)(rest.SizeLimit(1 << 20)(mux))
}

// Look-alike: the body is capped by SizeLimit.
func addSample(w http.ResponseWriter, r *http.Request) {
	var v map[string]string
	json.NewDecoder(r.Body).Decode(&v)
}
