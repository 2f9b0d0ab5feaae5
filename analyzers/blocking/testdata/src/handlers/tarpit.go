package handlers

import (
	"net/http"
	"time"
)

func delayLogin() { time.Sleep(time.Second) }

// A tarpit: the sleep comes before the request is turned away (wrong
// credentials), and slows down only whoever keeps guessing.
func basicAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		user, pw, ok := r.BasicAuth()
		if ok && user == "admin" && pw == "secret" {
			next(w, r)
			return
		}
		time.Sleep(time.Second)
		w.Header().Set("WWW-Authenticate", `Basic realm="restricted"`)
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
	}
}

// The same through a helper, before 429.
func checkCode(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("code") != "1234" {
		delayLogin()
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Look-alike: a sleep before an ordinary answer is reported.
func slowOK(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second) // want `request handler slowOK sleeps`
	w.WriteHeader(http.StatusOK)
}

// Look-alike: the rejection is in another branch, not after the sleep.
func slowOrDenied(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("code") == "" {
		http.Error(w, "denied", http.StatusForbidden)
		return
	}
	delayLogin() // want `request handler slowOrDenied sleeps`
	w.WriteHeader(http.StatusOK)
}

func tarpitRoutes(mux *http.ServeMux) {
	mux.HandleFunc("/setup", basicAuth(slowOK))
	mux.HandleFunc("/code", checkCode)
	mux.HandleFunc("/ok", slowOK)
	mux.HandleFunc("/maybe", slowOrDenied)
}
