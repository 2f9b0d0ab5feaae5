package capped

import (
	"io"
	"net/http"
)

// A server-wide limit in the package: handlers are not reported.
func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /upload", upload)
	return http.MaxBytesHandler(mux, 1<<20)
}

func upload(w http.ResponseWriter, r *http.Request) {
	io.ReadAll(r.Body)
}
