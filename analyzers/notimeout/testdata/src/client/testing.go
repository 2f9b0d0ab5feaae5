package client

import "net/http"

// A file of test support beside the code (testing.go): its mock server's
// client is test code.
func mockUpstreamClient() *http.Client {
	return &http.Client{}
}
