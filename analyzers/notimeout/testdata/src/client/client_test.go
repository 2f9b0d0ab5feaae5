package client

import (
	"net/http"
	"testing"
)

// Tests may use the default client: nothing here is reported.
func TestFetch(t *testing.T) {
	resp, err := http.Get("http://localhost")
	if err == nil {
		resp.Body.Close()
	}
	_ = &http.Client{}
	_ = &http.Server{}
}
