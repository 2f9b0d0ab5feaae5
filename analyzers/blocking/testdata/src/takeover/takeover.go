// Package takeover: a handler that hijacks its connection serves it for as
// long as it lives; a command it runs there is its job.
package takeover

import (
	"fmt"
	"net/http"
	"os/exec"
	"time"
)

// Look-alike: a terminal over a hijacked connection.
func terminal(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	cmd := exec.Command("sh")
	cmd.Stdin, cmd.Stdout = conn, conn
	cmd.Run()
}

func convert(w http.ResponseWriter, r *http.Request) {
	exec.Command("convert", "in.png", "out.png").Run() // want `request handler convert runs an external command synchronously`
}

// Look-alike: server-sent events, flushed by a method the handler calls;
// the sleep paces the stream (agola's run events).
type events struct{}

func (e *events) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.send(w, r)
}

func (e *events) send(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	flusher, _ := w.(http.Flusher)
	for r.Context().Err() == nil {
		fmt.Fprintf(w, "data: tick\n\n")
		if flusher != nil {
			flusher.Flush()
		}
		time.Sleep(time.Second)
	}
}

// The same sleep in a handler that answers once.
func tick(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second) // want `request handler tick sleeps`
	fmt.Fprintf(w, "tick")
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/term", terminal)
	mux.HandleFunc("/convert", convert)
	mux.Handle("/events", &events{})
	mux.HandleFunc("/tick", tick)
}
