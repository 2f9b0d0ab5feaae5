// Package takeover: a handler that hijacks its connection serves it for as
// long as it lives; a command it runs there is its job.
package takeover

import (
	"net/http"
	"os/exec"
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

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/term", terminal)
	mux.HandleFunc("/convert", convert)
}
