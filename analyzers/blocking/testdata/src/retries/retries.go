// Package retries: a webhook sent with a configured number of attempts is
// one request retried, not a request per element.
package retries

import (
	"fmt"
	"net/http"
	"time"
)

type Webhook struct {
	URL     string
	Retries int
	client  *http.Client
}

func (w *Webhook) trigger() error {
	for i := 0; i < w.Retries; i++ {
		resp, err := w.client.Get(w.URL)
		if err == nil && resp.StatusCode < 300 {
			return nil
		}
	}
	return nil
}

// notifyAll sends one request per subscriber: a fan-out.
func notifyAll(c *http.Client, urls []string) {
	for i := 0; i < len(urls); i++ {
		c.Get(urls[i])
	}
}

// publicIP asks each lookup service in turn and stops at the first that
// answers: a failover, usually one request.
func publicIP(c *http.Client, services []string) string {
	ip := ""
	for _, svc := range services {
		resp, err := c.Get(svc)
		if err != nil {
			continue
		}
		if resp.StatusCode == http.StatusOK {
			ip = resp.Header.Get("X-IP")
			break
		}
	}
	return ip
}

// pingAll asks every service, whatever each answers: a fan-out.
func pingAll(c *http.Client, services []string) {
	for _, svc := range services {
		resp, err := c.Get(svc)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// sync sends one update; only when the peer answers with a conflict does
// it fetch the missing patches, one request each, and then it fails: the
// branch builds the error it returns (whatsmeow's sendAppState).
func sync(c *http.Client, url string, patches []string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusConflict {
		mainErr := fmt.Errorf("update %s: conflict", url)
		pingAll(c, patches)
		return mainErr
	}
	return nil
}

// syncAll fetches the patches when the peer answers with a conflict, and
// then succeeds: not an error path.
func syncAll(c *http.Client, url string, patches []string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusConflict {
		pingAll(c, patches)
		return nil
	}
	return nil
}

type Server struct {
	hook  *Webhook
	subs  []string
	httpc *http.Client
}

// Look-alike: one webhook, retried.
func (s *Server) signup(w http.ResponseWriter, r *http.Request) {
	s.hook.trigger()
}

func (s *Server) publish(w http.ResponseWriter, r *http.Request) {
	notifyAll(s.httpc, s.subs) // want `request handler Server.publish sends one outbound HTTP request once per element of urls`
}

func (s *Server) whoami(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(publicIP(s.httpc, s.subs)))
}

func (s *Server) ping(w http.ResponseWriter, r *http.Request) {
	pingAll(s.httpc, s.subs) // want `request handler Server.ping sends one outbound HTTP request once per element of services`
}

// Look-alike: the fan-out runs only on the error path.
func (s *Server) update(w http.ResponseWriter, r *http.Request) {
	sync(s.httpc, s.subs[0], s.subs)
}

func (s *Server) updateAll(w http.ResponseWriter, r *http.Request) {
	syncAll(s.httpc, s.subs[0], s.subs) // want `request handler Server.updateAll sends one outbound HTTP request once per element of services`
}

func Routes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("/update", s.update)
	mux.HandleFunc("/update-all", s.updateAll)
	mux.HandleFunc("/whoami", s.whoami)
	mux.HandleFunc("/ping", s.ping)
	mux.HandleFunc("/signup", s.signup)
	mux.HandleFunc("/publish", s.publish)
	_ = time.Second
}
