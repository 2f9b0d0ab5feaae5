// Package upstreamcheck is product code whose name says nothing and
// which imports no test harness: its client with no timeout is reported.
package upstreamcheck

import "net/http"

func Ping(url string) error {
	client := &http.Client{} // want `http.Client has no Timeout`
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
