// Package hsic starts the service in a container for integration tests:
// its code imports a test harness (dockertest), so it is test support
// wherever it lives, and nothing here is reported.
package hsic

import (
	"net/http"

	"github.com/ory/dockertest/v3"
)

func WaitForRunning(pool *dockertest.Pool, url string) error {
	client := &http.Client{}
	return pool.Retry(func() error {
		resp, err := client.Get(url)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
