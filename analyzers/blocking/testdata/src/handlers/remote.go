package handlers

import (
	"net/http"

	"golang.org/x/crypto/ssh"
)

// A command run on another machine over SSH while the request waits.
func deploy(client *ssh.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := client.NewSession()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer sess.Close()
		sess.Run("systemctl restart app") // want `runs a remote command over SSH synchronously: \(\*ssh.Session\).Run`
	}
}

// Look-alike: the same in a goroutine the handler does not wait for.
func deployAsync(client *ssh.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		go func() {
			sess, err := client.NewSession()
			if err != nil {
				return
			}
			defer sess.Close()
			sess.Run("systemctl restart app")
		}()
		w.WriteHeader(http.StatusAccepted)
	}
}

// Look-alike: one request to an agent over SSH, whose reply (the started
// job's id) the response carries, like one outbound HTTP request.
func startJob(conn ssh.Conn) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ok, reply, err := conn.SendRequest("run_cmd", true, []byte(r.FormValue("cmd")))
		if err != nil || !ok {
			http.Error(w, "agent refused", http.StatusBadGateway)
			return
		}
		w.Write(reply)
	}
}
