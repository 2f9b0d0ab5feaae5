// Package rest is a stub of github.com/go-pkgz/rest.
package rest

import "net/http"

// SizeLimit rejects requests whose body is over size bytes (413).
func SizeLimit(size int64) func(http.Handler) http.Handler { return nil }

// Throttle limits the requests served at once.
func Throttle(limit int64) func(http.Handler) http.Handler { return nil }
