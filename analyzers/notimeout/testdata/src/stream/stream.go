// Package stream has clients whose responses are read as a stream, for
// which Client.Timeout is the wrong advice.
package stream

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"time"
)

type events struct{ hc *http.Client }

func newEvents() *events {
	return &events{hc: &http.Client{}} // want `newEvents returns an http.Client with no Timeout, and its responses are read as a stream \(stream.go:\d+\).*ResponseHeaderTimeout`
}

func (e *events) follow(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := e.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		_ = sc.Text()
	}
	return sc.Err()
}

var proxyClient = &http.Client{} // want `http.Client has no Timeout, and its responses are read as a stream`

func proxy(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "https://upstream.example.com"+r.URL.Path, nil)
	if err != nil {
		return
	}
	resp, err := proxyClient.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// Look-alike: one JSON document decoded once is not a stream; the usual
// advice (and fix) applies.
var apiClient = &http.Client{} // want `http.Client has no Timeout: a slow or hung upstream`

func fetch(url string) (map[string]any, error) {
	resp, err := apiClient.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var v map[string]any
	return v, json.NewDecoder(resp.Body).Decode(&v)
}

// Look-alike: a transport whose dialer sets deadlines on every connection
// bounds every read and write.
var deadlined = &http.Client{
	Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := (&net.Dialer{Timeout: 5 * time.Second}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return conn, conn.SetDeadline(time.Now().Add(30 * time.Second))
		},
	},
}

func ping(url string) {
	resp, err := deadlined.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}
