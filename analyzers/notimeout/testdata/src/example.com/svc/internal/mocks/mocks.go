// Package mocks is test support outside _test.go files: its path says so,
// and nothing here is reported.
package mocks

import "net/http"

func Upstream() *http.Client {
	return &http.Client{}
}
