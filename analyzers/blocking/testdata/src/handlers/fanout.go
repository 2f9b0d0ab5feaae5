package handlers

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/go-resty/resty/v2"
	"golang.org/x/sync/errgroup"
)

// Look-alikes: a fan-out whose requests run in goroutines of their own
// overlaps (the response waits for the slowest, not the sum).
func probeAll(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	for _, u := range r.Form["target"] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			http.DefaultClient.Head(u)
		}()
	}
	wg.Wait()
}

func probeGroup(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	for _, u := range r.Form["target"] {
		g.Go(func() error {
			_, err := http.DefaultClient.Post(u, "application/json", strings.NewReader("{}"))
			return err
		})
	}
	g.Wait()
}

// The same requests one after another add up: reported.
func probeSerial(w http.ResponseWriter, r *http.Request) {
	for _, u := range r.Form["target"] {
		http.DefaultClient.Head(u) // want `request handler probeSerial sends one outbound HTTP request once per element`
	}
}

// Look-alike: mirrors tried in turn until one answers usually make one
// request.
func firstMirror(w http.ResponseWriter, r *http.Request) {
	for _, m := range r.Form["mirror"] {
		resp, err := http.DefaultClient.Get(m)
		if err == nil {
			resp.Body.Close()
			return
		}
	}
}

func firstMirrorContinue(w http.ResponseWriter, r *http.Request) {
	for _, m := range r.Form["mirror"] {
		resp, err := http.DefaultClient.Get(m)
		if err != nil {
			continue
		}
		resp.Body.Close()
		return
	}
}

// Look-alike: failures skipped, and a return once a mirror has the
// answer.
func firstMirrorFound(w http.ResponseWriter, r *http.Request) {
	for _, m := range r.Form["mirror"] {
		resp, err := http.DefaultClient.Get(m)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return
		}
	}
}

// The fan-out's fix overlaps the requests first.
func probeSerialFix(w http.ResponseWriter, r *http.Request) {
	for _, u := range r.Form["target"] {
		http.DefaultClient.Head(u) // want `send the requests concurrently with a bound \(errgroup with SetLimit\) or as one batch call; if the response does not need their results, respond 202 Accepted`
	}
}

// resty sends when a request method runs: one request per element,
// reported; building the requests is not.
var rc = resty.New().SetTimeout(5 * time.Second)

func notifyAll(w http.ResponseWriter, r *http.Request) {
	for _, u := range r.Form["hook"] {
		rc.R().SetContext(r.Context()).SetBody("{}").Post(u) // want `request handler notifyAll sends one outbound HTTP request once per element`
	}
}
