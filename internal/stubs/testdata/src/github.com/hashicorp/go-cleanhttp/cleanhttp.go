// Package cleanhttp is a stub of github.com/hashicorp/go-cleanhttp for analyzer tests.
package cleanhttp

import "net/http"

func DefaultClient() *http.Client       { return &http.Client{} }
func DefaultPooledClient() *http.Client { return &http.Client{} }
